/**
 * The source identification layer: which source type (if any) an event classifies the contact
 * into. Source types are tried in config order; the first with a matching matcher wins.
 */
import type { EventKind, Intent, SourceMatcher, SourceSystem, SourceTypeConfig } from "../config/types";
import { compileCondition, type CompiledCondition } from "./conditions";
import type { RouteEvent, TraceStep } from "./types";

/** Intent of a source type: fixed, or the first conditional rule that holds. */
export type CompiledIntent = Intent | { rules: { when: CompiledCondition; intent: Intent }[]; otherwise: Intent };

/** A source type, ready to classify with. */
export interface CompiledSource {
  id: string;
  system: SourceSystem;
  intent: CompiledIntent;
  matchers: CompiledMatcher[];
}

/** A matcher with its lists turned into sets and lower-cased where matching ignores case. */
export interface CompiledMatcher {
  source: CompiledSource;
  event: EventKind;
  formIds: ReadonlySet<string> | null;
  formIdPrefixes: readonly string[] | null;
  /** Lower-cased: page paths match whatever their case. */
  pagePathPrefixes: readonly string[] | null;
  chatQualified: boolean | null;
  /** Lower-cased and trimmed. */
  callOutcomes: ReadonlySet<string> | null;
  /** Lower-cased. */
  importSourcePrefixes: readonly string[] | null;
}

/** Source types in config order, and their matchers by event kind (config order kept). */
export interface SourceTable {
  sources: readonly CompiledSource[];
  byKind: ReadonlyMap<string, readonly CompiledMatcher[]>;
}

const lower = (list: string[] | undefined): string[] | null => (list ? list.map((s) => s.toLowerCase()) : null);

function compileMatcher(source: CompiledSource, matcher: SourceMatcher): CompiledMatcher {
  return {
    source,
    event: matcher.event,
    formIds: matcher.formId ? new Set(matcher.formId) : null,
    formIdPrefixes: matcher.formIdPrefix ?? null,
    pagePathPrefixes: lower(matcher.pagePathPrefix),
    chatQualified: typeof matcher.chatQualified === "boolean" ? matcher.chatQualified : null,
    callOutcomes: matcher.callOutcome ? new Set(matcher.callOutcome.map((s) => s.trim().toLowerCase())) : null,
    importSourcePrefixes: lower(matcher.importSourcePrefix),
  };
}

/** Compiles the source identification layer. */
export function compileSources(sources: readonly SourceTypeConfig[]): SourceTable {
  const compiled: CompiledSource[] = [];
  const byKind = new Map<string, CompiledMatcher[]>();
  for (const config of sources) {
    const intent: CompiledIntent =
      typeof config.intent === "object" && config.intent !== null
        ? {
            rules: (config.intent.rules ?? []).map((r) => ({ when: compileCondition(r.when), intent: r.intent })),
            otherwise: config.intent.otherwise,
          }
        : (config.intent ?? "standard");
    const source: CompiledSource = { id: config.id, system: config.system, intent, matchers: [] };
    for (const matcher of config.matchers ?? []) {
      const m = compileMatcher(source, matcher);
      source.matchers.push(m);
      const list = byKind.get(m.event) ?? [];
      list.push(m);
      byKind.set(m.event, list);
    }
    compiled.push(source);
  }
  return { sources: compiled, byKind };
}

/**
 * The path of a page URL, absolute (`https://acme.test/pricing?x`) or relative (`/pricing`,
 * `pricing`), lower-cased; `null` when there is none.
 */
export function pagePath(url: unknown): string | null {
  if (typeof url !== "string") return null;
  let rest = url.trim();
  if (rest === "") return null;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(rest);
  if (scheme || rest.startsWith("//")) {
    rest = rest.slice(scheme ? scheme[0].length : 2);
    const pathStart = rest.search(/[/?#]/);
    rest = pathStart < 0 ? "" : rest.slice(pathStart);
  }
  const end = rest.search(/[?#]/);
  if (end >= 0) rest = rest.slice(0, end);
  if (!rest.startsWith("/")) rest = "/" + rest;
  return rest.toLowerCase();
}

const startsWithAny = (value: string, prefixes: readonly string[]): boolean =>
  prefixes.some((p) => value.startsWith(p));

/** Which constraint of a matcher fails first. */
enum Miss {
  None,
  Kind,
  FormId,
  FormIdPrefix,
  NoPage,
  PagePath,
  Chat,
  CallOutcome,
  ImportSource,
}

const callOutcomeOf = (event: RouteEvent): string => {
  const raw = typeof event.outcome === "string" ? event.outcome.trim().toLowerCase() : "";
  return raw === "" ? "connected" : raw;
};

// Returns a code rather than a sentence: classification runs millions of times, and the words
// are only needed for the trace.
function miss(m: CompiledMatcher, event: RouteEvent): Miss {
  if (event.kind !== m.event) return Miss.Kind;
  const formId = typeof event.formId === "string" ? event.formId : null;
  if (m.formIds && (formId === null || !m.formIds.has(formId))) return Miss.FormId;
  if (m.formIdPrefixes && (formId === null || !startsWithAny(formId, m.formIdPrefixes))) return Miss.FormIdPrefix;
  if (m.pagePathPrefixes) {
    const path = pagePath(event.pageUrl);
    if (path === null) return Miss.NoPage;
    if (!startsWithAny(path, m.pagePathPrefixes)) return Miss.PagePath;
  }
  if (m.chatQualified !== null && (event.qualified === true) !== m.chatQualified) return Miss.Chat;
  if (m.callOutcomes && !m.callOutcomes.has(callOutcomeOf(event))) return Miss.CallOutcome;
  if (m.importSourcePrefixes) {
    const source = typeof event.importSource === "string" ? event.importSource.toLowerCase() : null;
    if (source === null || !startsWithAny(source, m.importSourcePrefixes)) return Miss.ImportSource;
  }
  return Miss.None;
}

/** Why a matcher does not match the event, or null when it does. */
export function matcherMismatch(m: CompiledMatcher, event: RouteEvent): string | null {
  const formId = typeof event.formId === "string" ? event.formId : "(none)";
  const importSource = typeof event.importSource === "string" ? event.importSource : "(none)";
  switch (miss(m, event)) {
    case Miss.None:
      return null;
    case Miss.Kind:
      return `event is ${String(event.kind)}, not ${m.event}`;
    case Miss.FormId:
      return `form ${formId} is not ${oneOf([...(m.formIds ?? [])])}`;
    case Miss.FormIdPrefix:
      return `form ${formId} does not start with ${oneOf(m.formIdPrefixes ?? [])}`;
    case Miss.NoPage:
      return "no page URL";
    case Miss.PagePath:
      return `page path ${pagePath(event.pageUrl)} does not start with ${oneOf(m.pagePathPrefixes ?? [])}`;
    case Miss.Chat:
      return m.chatQualified ? "chat was not qualified" : "chat was qualified";
    case Miss.CallOutcome:
      return `call outcome ${callOutcomeOf(event)} is not ${oneOf([...(m.callOutcomes ?? [])])}`;
    case Miss.ImportSource:
      return `import source ${importSource} does not start with ${oneOf(m.importSourcePrefixes ?? [])}`;
  }
}

const oneOf = (list: readonly string[]): string => (list.length === 1 ? list[0]! : `one of ${list.join(", ")}`);

function describeMatch(m: CompiledMatcher, event: RouteEvent): string {
  const parts = [`${m.event}`];
  if (m.formIds || m.formIdPrefixes) parts.push(`form ${event.formId}`);
  if (m.pagePathPrefixes) parts.push(`page ${pagePath(event.pageUrl)}`);
  if (m.chatQualified !== null) parts.push(m.chatQualified ? "qualified" : "not qualified");
  if (m.callOutcomes) parts.push(`outcome ${event.outcome ?? "connected (none given)"}`);
  if (m.importSourcePrefixes) parts.push(`import source ${event.importSource}`);
  return parts.join(", ");
}

/**
 * The source type that classifies `event`, or null. With `trace`, records one step per source
 * type tried (the ones that did not match, then the winner).
 */
export function classify(table: SourceTable, event: RouteEvent, trace: TraceStep[] | null): CompiledSource | null {
  if (trace === null) {
    const candidates = typeof event.kind === "string" ? table.byKind.get(event.kind) : undefined;
    if (!candidates) return null;
    for (const m of candidates) if (miss(m, event) === Miss.None) return m.source;
    return null;
  }
  for (const source of table.sources) {
    let why = source.matchers.length === 0 ? "no matchers" : "";
    for (const m of source.matchers) {
      const mismatch = matcherMismatch(m, event);
      if (mismatch === null) {
        trace.push({ stage: "source", id: source.id, matched: true, reason: describeMatch(m, event) });
        return source;
      }
      // The most telling reason is the one of a matcher for this event kind, if any.
      if (why === "" || (m.event === event.kind && why.startsWith("event is"))) why = mismatch;
    }
    trace.push({ stage: "source", id: source.id, matched: false, reason: why });
  }
  return null;
}
