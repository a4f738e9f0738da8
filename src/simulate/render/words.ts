/** Wording shared by the simulation's text and Markdown renderings. */
import type { ComparedField, TransitionDimension } from "../types";

/** What the report says about where the contacts and configs came from (the CLI knows; the core does not). */
export interface SimulationContext {
  /** The base config, as given (`main`, `a1b2c3d`, `old/routing.ts`). */
  base: string;
  /** The head config, as given (`routing/index.ts`). */
  head: string;
  /** Where the contacts came from (`fixtures in test/fixtures`, `generated:10000:7`). */
  contacts: string;
  /** Caveats about the contacts, one sentence each (for example what a portal sample cannot know). */
  notes?: string[];
}

export const FIELD_WORDS: Record<ComparedField, string> = {
  sourceType: "source type",
  system: "system",
  rule: "rule",
  intent: "intent",
  territory: "territory",
  segment: "segment",
  owner: "owner",
  pool: "pool",
  queue: "queue",
  nurture: "nurture sequence",
  collaborator: "collaborator",
  reengagement: "re-engagement",
  originalRep: "original rep",
  slaPolicy: "SLA policy",
  slaDueAt: "SLA due time",
  notification: "notification",
};

export const DIMENSION_WORDS: Record<TransitionDimension, string> = {
  sourceType: "Source type",
  system: "System",
  rule: "Rule",
  pool: "Pool",
  owner: "Owner",
  slaPolicy: "SLA policy",
};

/** What `null` means in each dimension's column. */
export const NONE_WORDS: Record<TransitionDimension, string> = {
  sourceType: "unclassified",
  system: "none",
  rule: "none",
  pool: "no pool",
  owner: "nobody",
  slaPolicy: "no SLA",
};

/** What "owner" means in every table. */
export const OWNER_NOTE =
  "Owner is who gets the lead: the named owner, the queue's backup owner, or the pool member the rotation picked.";

export const count = (n: number): string => n.toLocaleString("en-US");

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** `3.1%`; `0%` of nothing. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return "0%";
  const value = (part / whole) * 100;
  return `${value >= 10 || value === 0 ? Math.round(value) : value.toFixed(1).replace(/\.0$/, "")}%`;
}

/** `+3`, `-2`, `0`. */
export function signed(n: number): string {
  return n > 0 ? `+${count(n)}` : n < 0 ? `-${count(-n)}` : "0";
}

/** A length of time in minutes, as people say it: `45 min`, `2 h 30 min`, `3 d 4 h`; signed with `+`/`-`. */
export function duration(minutes: number, signedText = true): string {
  const sign = minutes < 0 ? "-" : signedText && minutes > 0 ? "+" : "";
  let rest = Math.round(Math.abs(minutes));
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} d`);
  if (hours > 0) parts.push(`${hours} h`);
  if (mins > 0 && days === 0) parts.push(`${mins} min`);
  return sign + (parts.length > 0 ? parts.join(" ") : "0 min");
}

/** The headline: how many decisions change. */
export function headline(contacts: number, changed: number): string {
  if (contacts === 0) return "No contacts were replayed.";
  if (changed === 0) return `No decision changes (${plural(contacts, "contact")} replayed).`;
  return `${plural(changed, "decision")} of ${count(contacts)} change${changed === 1 ? "s" : ""} (${percent(changed, contacts)}).`;
}
