/** A replayed contact in one line, so that an example says which lead it was. */
import type { RouteInput } from "../../engine/types";

const iso = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString().replace(".000Z", "Z") : "?");

/** For example `form_submission (formId demo-request) at 2026-03-02T14:05:00Z; US, CA; company 1200 employees, owner ava@x`. */
export function describeInput(input: RouteInput): string {
  const event = input.event ?? { kind: "?" };
  const details: string[] = [];
  if (event.formId !== undefined) details.push(`formId ${event.formId}`);
  if (event.pageUrl !== undefined) details.push(`page ${event.pageUrl}`);
  if (event.qualified !== undefined) details.push(event.qualified ? "qualified" : "not qualified");
  if (event.outcome !== undefined) details.push(`outcome ${event.outcome}`);
  if (event.importSource !== undefined) details.push(`import ${event.importSource}`);
  if (event.owner !== undefined) details.push(`owner ${event.owner}`);
  const parts = [`${String(event.kind)}${details.length ? ` (${details.join(", ")})` : ""} at ${iso(input.at)}`];
  const properties = input.contact?.properties ?? {};
  const place = [properties.country, properties.state].filter((v) => v !== undefined && v !== "");
  parts.push(place.length > 0 ? place.join(", ") : "no country");
  const company = input.contact?.company;
  if (company) {
    const size = company.properties?.numberofemployees;
    const words = [size !== undefined ? `${size} employees` : "size unknown"];
    if (company.owner !== undefined) words.push(`owner ${company.owner}`);
    parts.push(`company ${words.join(", ")}`);
  } else parts.push("no company");
  const touches = input.contact?.history?.length ?? 0;
  if (touches > 0) parts.push(`${touches} outbound touch${touches === 1 ? "" : "es"}`);
  return parts.join("; ");
}
