/** Builders of route inputs for the engine tests, so that each test states only what matters. */
import config from "../reference/routing";
import type { RoutingConfig } from "../../src/config";
import {
  compileRouting,
  route,
  type Decision,
  type RouteEvent,
  type RouteInput,
  type RouteOptions,
} from "../../src/engine";

export const reference = compileRouting(config);

/** Epoch ms of an ISO instant. */
export const t = (iso: string): number => Date.parse(iso);
/** ISO of an epoch ms (or null). */
export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Tuesday 2026-03-03 10:00 in New York, 15:00 in London: inside every reference calendar but us-west's. */
export const TUESDAY = "2026-03-03T15:00:00Z";

export interface LeadSpec {
  at?: string;
  country?: string;
  state?: string;
  employees?: string;
  companyOwner?: string;
  noCompany?: boolean;
  history?: { kind: "sequence_enrollment" | "call" | "event"; owner: string; at: string }[];
  event: RouteEvent;
}

export function lead(spec: LeadSpec): RouteInput {
  const properties: Record<string, string> = {};
  if (spec.country !== undefined) properties.country = spec.country;
  if (spec.state !== undefined) properties.state = spec.state;
  const input: RouteInput = {
    at: t(spec.at ?? TUESDAY),
    contact: { email: "lead@example.com", properties },
    event: spec.event,
  };
  if (!spec.noCompany) {
    input.contact.company = { domain: "example.com", properties: {} };
    if (spec.employees !== undefined) input.contact.company.properties = { numberofemployees: spec.employees };
    if (spec.companyOwner !== undefined) input.contact.company.owner = spec.companyOwner;
  }
  if (spec.history) input.contact.history = spec.history.map((touch) => ({ ...touch, at: t(touch.at) }));
  return input;
}

/** Routes a lead on the reference organisation (or another config). */
export function routeLead(spec: LeadSpec, options?: RouteOptions, routing = reference): Decision {
  return route(routing, lead(spec), options);
}

/** A deep copy of the reference config, changed by `edit`, compiled. */
export function variant(edit: (copy: RoutingConfig) => void) {
  const copy = structuredClone(config);
  edit(copy);
  return compileRouting(copy);
}

export const demoRequest: RouteEvent = { kind: "form_submission", formId: "demo-request" };
export const contentDownload: RouteEvent = { kind: "form_submission", formId: "ebook-routing-101" };
export const generalForm: RouteEvent = { kind: "form_submission", formId: "contact-us" };
