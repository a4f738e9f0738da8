/**
 * The source identification layer: inbound source types carry an intent and outbound ones do
 * not, and a source type is pointless when earlier source types already classify everything it
 * matches (the first match wins).
 */
import type { SourceMatcher } from "../types";
import type { RoutingDirectory } from "./directory";
import { error, warning, type Finding } from "./finding";
import { element } from "./path";

/** Reports intent mistakes and source types (or matchers) that earlier source types shadow. */
export function checkSources(dir: RoutingDirectory): Finding[] {
  const findings: Finding[] = [];
  const sources = dir.config.sources;
  sources.forEach((source, i) => {
    const at = ["sources", element(source, i)];
    if (source.system === "outbound" && source.intent !== undefined) {
      findings.push(
        error(
          "intent_on_outbound_source",
          [...at, "intent"],
          "outbound source types have no intent (intent only steers inbound rules): remove it, or make the source type inbound",
        ),
      );
    }
    if (source.system === "inbound" && source.intent === undefined) {
      findings.push(
        error(
          "missing_intent",
          [...at, "intent"],
          'inbound source types need an intent: "high", "standard", "low", or { rules, otherwise }',
        ),
      );
    }
    if (source.matchers.length === 0) {
      findings.push(
        warning(
          "unreachable_source_type",
          [...at, "matchers"],
          "no matchers: no contact is ever classified as this source type",
        ),
      );
      return;
    }
    const shadows = source.matchers.map((matcher) => {
      for (const earlier of sources.slice(0, i)) {
        if (earlier.matchers.some((m) => subsumes(m, matcher))) return earlier.id;
      }
      return undefined;
    });
    if (shadows.every((s) => s !== undefined)) {
      findings.push(
        warning(
          "unreachable_source_type",
          at,
          `every matcher is already taken by an earlier source type (${[...new Set(shadows)].join(", ")}): the first match wins, so no contact is ever classified as "${source.id}"`,
        ),
      );
      return;
    }
    shadows.forEach((earlier, j) => {
      if (earlier === undefined) return;
      findings.push(
        warning(
          "shadowed_matcher",
          [...at, "matchers", j],
          `this matcher never classifies anything: the earlier source type "${earlier}" matches every event it matches`,
        ),
      );
    });
  });
  return findings;
}

/** True when every event that `narrow` matches is matched by `wide`. */
export function subsumes(wide: SourceMatcher, narrow: SourceMatcher): boolean {
  if (wide.event !== narrow.event) return false;
  if (wide.formId && !(narrow.formId && narrow.formId.every((id) => wide.formId!.includes(id)))) return false;
  if (wide.formIdPrefix) {
    const covered = (value: string) => wide.formIdPrefix!.some((p) => value.startsWith(p));
    const byIds = narrow.formId !== undefined && narrow.formId.every(covered);
    const byPrefixes = narrow.formIdPrefix !== undefined && narrow.formIdPrefix.every(covered);
    if (!byIds && !byPrefixes) return false;
  }
  if (!prefixesCovered(wide.pagePathPrefix, narrow.pagePathPrefix)) return false;
  if (!prefixesCovered(wide.importSourcePrefix, narrow.importSourcePrefix)) return false;
  if (wide.callOutcome && !(narrow.callOutcome && narrow.callOutcome.every((o) => wide.callOutcome!.includes(o)))) {
    return false;
  }
  return wide.chatQualified === undefined || narrow.chatQualified === wide.chatQualified;
}

function prefixesCovered(wide: string[] | undefined, narrow: string[] | undefined): boolean {
  if (!wide) return true;
  return narrow !== undefined && narrow.every((n) => wide.some((w) => n.startsWith(w)));
}
