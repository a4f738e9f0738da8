/**
 * One line of a JSON Lines export as a route input. A line is a fixture without `name` and
 * `expect`: `at`, `contact` and `event` as in the fixture format (checked against the same JSON
 * Schema, so a typo in a key is an error, not a silently ignored field), instants as ISO 8601
 * text or epoch milliseconds, and an optional `label` that names the contact in examples.
 *
 * Unlike a fixture, an exported event may lack a field the fixture format requires, or hold it
 * empty (a reply whose enrollment owner is unknown, an import without a source): real data has
 * such events, and the engine routes them as HubSpot would, so they are replayed, not refused.
 */
import type { RouteInput } from "../engine/types";
import { describeProblem, toRouteInput, type FixtureCheck, type RoutingFixture } from "../fixtures";

/** Schema findings about an event field that is missing or empty: replayed, not refused. */
const INCOMPLETE = /^(is required|must not be empty)/;

/** A line read: the input and its label, or what is wrong with it. */
export type InputLine = { ok: true; input: RouteInput; label: string | null } | { ok: false; message: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Epoch milliseconds become ISO text (what the schema checks); anything else is left for the schema. */
function instantText(value: unknown): unknown {
  if (typeof value !== "number") return value;
  if (!Number.isSafeInteger(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/**
 * Parses and checks one non-empty line. `validate` is the fixture validator compiled once
 * without the `expect` requirement (`createFixtureValidator({ requireExpect: false })`).
 */
export function routeInputFromLine(text: string, validate: (value: unknown) => FixtureCheck): InputLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isRecord(value)) {
    return { ok: false, message: `expected an object with at, contact and event, got ${describeKind(value)}` };
  }
  const { label, ...rest } = value;
  if (label !== undefined && typeof label !== "string") {
    return { ok: false, message: `label: must be a string, got ${describeKind(label)}` };
  }
  const candidate: Record<string, unknown> = { name: "line", ...rest, at: instantText(rest.at) };
  if (isRecord(rest.contact) && Array.isArray(rest.contact.history)) {
    candidate.contact = {
      ...rest.contact,
      history: rest.contact.history.map((touch: unknown) =>
        isRecord(touch) ? { ...touch, at: instantText(touch.at) } : touch,
      ),
    };
  }
  const check = validate(candidate);
  if (!check.ok) {
    const blocking = check.problems.filter((p) => !(p.path.startsWith("event.") && INCOMPLETE.test(p.message)));
    if (blocking.length === 0) {
      try {
        return { ok: true, input: toRouteInput(candidate as unknown as RoutingFixture), label: label ?? null };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    }
    const [first, ...others] = blocking;
    const more = others.length > 0 ? ` (and ${others.length} more problem${others.length === 1 ? "" : "s"})` : "";
    return { ok: false, message: `${first ? describeProblem(first) : "does not fit the contact format"}${more}` };
  }
  return { ok: true, input: toRouteInput(check.fixture), label: label ?? null };
}

function describeKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? "a string" : `a ${typeof value}`;
}
