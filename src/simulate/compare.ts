/** Comparing two decisions for the same contact: which fields differ, and who gets the lead. */
import { assignee } from "../engine/route";
import type { Decision } from "../engine/types";
import type { ComparedField, TransitionDimension } from "./types";

/** Every compared field, in the order reports list them. */
export const COMPARED_FIELDS: readonly ComparedField[] = [
  "sourceType",
  "system",
  "rule",
  "intent",
  "territory",
  "segment",
  "owner",
  "pool",
  "queue",
  "nurture",
  "collaborator",
  "reengagement",
  "originalRep",
  "slaPolicy",
  "slaDueAt",
  "notification",
];

/** The dimensions whose from → to counts a report lists, in the order it lists them. */
export const TRANSITION_DIMENSIONS: readonly TransitionDimension[] = [
  "sourceType",
  "system",
  "rule",
  "pool",
  "owner",
  "slaPolicy",
];

/** The rep who gets the lead (the engine's definition, re-exported for the simulation's callers). */
export { assignee };

/** The value of a compared field, as it is compared and reported. */
export function fieldValue(decision: Decision, field: ComparedField): string | number | boolean | null {
  return field === "owner" ? assignee(decision) : decision[field];
}

/** The compared fields whose values differ, in {@link COMPARED_FIELDS} order (empty: same decision). */
export function changedFields(before: Decision, after: Decision): ComparedField[] {
  const changed: ComparedField[] = [];
  for (const field of COMPARED_FIELDS) {
    if (fieldValue(before, field) !== fieldValue(after, field)) changed.push(field);
  }
  return changed;
}
