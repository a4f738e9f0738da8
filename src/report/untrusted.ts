/**
 * Text that someone outside typed (contact and company fields, form values) is capped before it
 * reaches any report: one 100 KB name must not push a report past GitHub's body limit or make a
 * text report megabytes long. The cut says the cap, so a reader knows the value was longer.
 */

/** Characters of one untrusted value a report shows at most. */
export const UNTRUSTED_TEXT_CAP = 200;

/** The value, or its first `cap` characters and a note of how long it was and what the cap is. */
export function capUntrusted(value: string, cap = UNTRUSTED_TEXT_CAP): string {
  const characters = [...value];
  if (characters.length <= cap) return value;
  return `${characters.slice(0, cap).join("")}… [${characters.length.toLocaleString("en-US")} characters, cut at ${cap}]`;
}
