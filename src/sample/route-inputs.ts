/**
 * A deterministic generator of realistic route inputs for a routing config: every event kind in
 * plausible proportions (unclassifiable ones included), messy country and state spellings,
 * missing values, companies of every size with and without owners (some owners who are no rep),
 * outbound history inside and outside the re-engagement lookback, and events that name inactive
 * or out-of-office reps. Used by the simulator, the benches and the emulator's seeding.
 */
import type { EventKind, RoutingConfig, SourceMatcher } from "../config/types";
import type { OutboundTouch, RouteCompany, RouteContact, RouteEvent, RouteInput } from "../engine/types";
import { createRandom, type Random } from "./prng";
import {
  CALL_OUTCOMES,
  COMPANY_SIZES,
  NON_REPS,
  OTHER_IMPORT_SOURCES,
  OTHER_PAGES,
  PLACES,
  UNKNOWN_FORM_IDS,
} from "./spellings";

/** Options of the generator. */
export interface RouteInputOptions {
  /** Seed of the pseudo-random sequence: the same seed and config give the same inputs. */
  seed: number;
  /** How many inputs to generate. */
  count: number;
  /** Event times fall in `[from, to)`, epoch milliseconds. */
  from: number;
  to: number;
}

const DAY_MS = 86_400_000;

const EVENT_KINDS: readonly (readonly [EventKind, number])[] = [
  ["form_submission", 42],
  ["meeting_booked", 8],
  ["chat_completed", 12],
  ["sequence_reply", 10],
  ["call_logged", 9],
  ["list_import", 9],
  ["contact_created", 6],
];

/** What the generator draws on from the config: its forms, pages, import sources and reps. */
interface Vocabulary {
  formIds: string[];
  formIdPrefixes: string[];
  pagePrefixes: string[];
  importPrefixes: string[];
  reps: string[];
  absences: { rep: string; from: number; to: number }[];
}

function vocabulary(config: RoutingConfig): Vocabulary {
  const matchers: SourceMatcher[] = (config.sources ?? []).flatMap((s) => s.matchers ?? []);
  const all = (pick: (m: SourceMatcher) => string[] | undefined) => [
    ...new Set(matchers.flatMap((m) => pick(m) ?? [])),
  ];
  const absences = (config.reps ?? []).flatMap((rep) =>
    (rep.outOfOffice ?? []).map((range) => ({
      rep: rep.email,
      from: Date.parse(`${range.from}T00:00:00Z`),
      to: Date.parse(`${range.to}T00:00:00Z`) + DAY_MS,
    })),
  );
  return {
    formIds: all((m) => m.formId),
    formIdPrefixes: all((m) => m.formIdPrefix),
    pagePrefixes: all((m) => m.pagePathPrefix),
    importPrefixes: all((m) => m.importSourcePrefix),
    reps: (config.reps ?? []).map((r) => r.email),
    absences: absences.filter((a) => Number.isFinite(a.from) && Number.isFinite(a.to)),
  };
}

function someone(random: Random, words: Vocabulary): string {
  return words.reps.length > 0 && random.chance(0.88) ? random.pick(words.reps) : random.pick(NON_REPS);
}

function eventTime(random: Random, words: Vocabulary, from: number, to: number): number {
  const span = Math.max(1, to - from);
  // A few events land inside someone's absence, so that out-of-office handling is exercised.
  const inRange = words.absences.filter((a) => a.to > from && a.from < to);
  if (inRange.length > 0 && random.chance(0.03)) {
    const absence = random.pick(inRange);
    const start = Math.max(from, absence.from);
    return start + Math.floor(random.next() * (Math.min(to, absence.to) - start));
  }
  let t = from + Math.floor(random.next() * span);
  // Most leads arrive in the working day of the Americas and Europe (12:00-22:00 UTC).
  if (random.chance(0.65)) {
    const day = Math.floor(t / DAY_MS) * DAY_MS;
    t = day + random.int(12 * 60, 22 * 60 - 1) * 60_000 + random.int(0, 59) * 1000;
    if (t < from || t >= to) t = from + Math.floor(random.next() * span);
  }
  return t;
}

function formEvent(random: Random, words: Vocabulary): RouteEvent {
  const roll = random.next();
  let formId: string;
  let pageUrl: string | undefined;
  if (roll < 0.5 && words.formIds.length > 0) formId = random.pick(words.formIds);
  else if (roll < 0.7 && words.formIdPrefixes.length > 0) {
    formId = random.pick(words.formIdPrefixes) + random.pick(["pipeline-guide", "2026-benchmark", "roi-calculator"]);
  } else if (roll < 0.85 && words.pagePrefixes.length > 0) {
    formId = random.pick(["pricing-contact", "quote-request", "plan-picker"]);
    const prefix = random.pick(words.pagePrefixes);
    pageUrl = random.pick([
      `https://acme.test${prefix}`,
      `https://www.acme.test${prefix}?plan=pro`,
      `${prefix}/enterprise`,
    ]);
  } else formId = random.pick(UNKNOWN_FORM_IDS);
  if (pageUrl === undefined && random.chance(0.6)) pageUrl = random.pick(OTHER_PAGES);
  const event: RouteEvent = { kind: "form_submission", formId };
  if (pageUrl !== undefined) event.pageUrl = pageUrl;
  if (random.chance(0.5)) event.fields = { message: random.pick(["Need a demo", "Pricing?", "", "hi"]) };
  return event;
}

function routeEvent(random: Random, words: Vocabulary, kind: EventKind): RouteEvent {
  switch (kind) {
    case "form_submission":
      return formEvent(random, words);
    case "meeting_booked": {
      const event: RouteEvent = { kind, meetingType: random.pick(["demo", "intro", "follow-up"]) };
      if (random.chance(0.5)) event.owner = someone(random, words);
      return event;
    }
    case "chat_completed": {
      const event: RouteEvent = { kind, qualified: random.chance(0.4) };
      if (random.chance(0.5)) event.lastIntent = random.pick(["pricing", "support", "demo", "other"]);
      return event;
    }
    case "sequence_reply": {
      const event: RouteEvent = { kind, sequence: random.pick(["q4-outbound", "enterprise-abm", "reactivation"]) };
      if (random.chance(0.96)) event.owner = someone(random, words);
      return event;
    }
    case "call_logged": {
      const event: RouteEvent = { kind };
      if (random.chance(0.96)) event.owner = someone(random, words);
      const outcome = random.weighted(CALL_OUTCOMES);
      if (outcome !== undefined) event.outcome = outcome;
      return event;
    }
    case "list_import": {
      const prefixed = words.importPrefixes.length > 0 && random.chance(0.75);
      const importSource = prefixed
        ? random.pick(words.importPrefixes) + random.pick(["saastr-2026", "dreamforce", "revops-summit"])
        : random.pick(OTHER_IMPORT_SOURCES);
      const event: RouteEvent = { kind, importSource };
      if (random.chance(0.3)) event.owner = someone(random, words);
      return event;
    }
    default:
      return { kind };
  }
}

function company(random: Random, words: Vocabulary, index: number): RouteCompany | undefined {
  if (!random.chance(0.75)) return undefined;
  const result: RouteCompany = { domain: `company${index % 5000}.example` };
  const size = random.weighted(COMPANY_SIZES);
  result.properties = size === undefined ? {} : { numberofemployees: size };
  if (random.chance(0.3)) result.owner = random.chance(0.8) ? someone(random, words) : random.pick(NON_REPS);
  return result;
}

function history(random: Random, words: Vocabulary, at: number): OutboundTouch[] | undefined {
  if (!random.chance(0.25)) return random.chance(0.1) ? [] : undefined;
  const touches: OutboundTouch[] = [];
  for (let n = random.int(1, 3); n > 0; n--) {
    const age = random.weighted<number>([
      [random.int(1, 364), 70],
      [random.int(366, 900), 25],
      [-random.int(1, 30), 5],
    ]);
    const touch: OutboundTouch = {
      kind: random.pick(["sequence_enrollment", "call", "event"] as const),
      owner: someone(random, words),
      at: at - age * DAY_MS + random.int(0, DAY_MS - 1),
    };
    if (touch.kind === "sequence_enrollment") touch.sequence = random.pick(["q4-outbound", "enterprise-abm"]);
    touches.push(touch);
  }
  return touches;
}

function contact(random: Random, words: Vocabulary, index: number, at: number): RouteContact {
  const place = random.weighted(PLACES.map((p) => [p, p.weight] as const));
  const properties: Record<string, string> = {};
  const country = random.pick(place.countries);
  if (country !== "" || random.chance(0.5)) properties.country = country;
  const state = random.pick(place.states);
  if (state !== "") properties.state = state;
  const result: RouteContact = { properties };
  if (random.chance(0.95)) result.email = `lead${index}@example${index % 97}.com`;
  const org = company(random, words, index);
  if (org) result.company = org;
  const touches = history(random, words, at);
  if (touches) result.history = touches;
  return result;
}

/** Generates `count` route inputs, one at a time (cheap on memory for millions). */
export function* generateRouteInputs(config: RoutingConfig, options: RouteInputOptions): Generator<RouteInput> {
  const random = createRandom(options.seed);
  const words = vocabulary(config);
  for (let index = 0; index < options.count; index++) {
    const at = eventTime(random, words, options.from, options.to);
    const kind = random.weighted(EVENT_KINDS);
    yield { at, contact: contact(random, words, index, at), event: routeEvent(random, words, kind) };
  }
}

/** The same inputs as `generateRouteInputs`, as an array. */
export function generateRouteInputList(config: RoutingConfig, options: RouteInputOptions): RouteInput[] {
  return [...generateRouteInputs(config, options)];
}
