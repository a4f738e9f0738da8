/**
 * Where HubSpot cannot route exactly like the engine, and what it shows instead: each limitation
 * says when it applies to a replayed fixture and turns the engine's view into the view HubSpot
 * must show. A difference no limitation predicts fails the test; so does a prediction that does
 * not hold. docs/differential.md lists the same table with the fixtures each entry affects.
 */
import type { DeployWarningCode } from "../../src/deploy";
import { closingTime } from "../../src/deploy/compile/sla";
import { pagePath, route, type CompiledRouting } from "../../src/engine";
import type { RouteInput } from "../../src/engine/types";
import type { DeployedPortal } from "./deployed-portal";
import type { Replayed } from "./replay";
import { EVENT_TYPES, TOUCH_EVENT_TYPES, type EventTypeEntry } from "../../src/hubspot-contract";
import { engineView, portalView, type ExpectedView } from "./views";

/** One fixture, replayed. */
export interface ReplayCase {
  file: string;
  name: string;
  input: RouteInput;
  replayed: Replayed;
  portal: DeployedPortal;
  compiled: CompiledRouting;
}

export interface Limitation {
  /** Stable id: the deploy warning code when deploy warns about it. */
  code: string;
  /** The warning `desiredState` gives for it, or null when no deploy can warn. */
  warning: DeployWarningCode | null;
  applies(c: ReplayCase, expected: ExpectedView): boolean;
  /** The view HubSpot must show, from the view expected so far. */
  expect(c: ReplayCase, expected: ExpectedView): ExpectedView;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The engine's view of an input HubSpot effectively routes instead. */
function engineOf(c: ReplayCase, input: RouteInput): ExpectedView {
  return engineView(route(c.compiled, input), c.input.at);
}

/** The input as the deployed workflows see it: no counts of earlier leads, no companies found by domain. */
function withoutRouterInputs(input: RouteInput): RouteInput {
  const { load: _load, accounts: _accounts, ...rest } = input;
  void _load;
  void _accounts;
  return rest;
}

/** Page path prefixes of form sources whose test HubSpot can only write as "page URL contains". */
function containsOnly(c: ReplayCase): string | undefined {
  const url = c.input.event.kind === "form_submission" ? c.input.event.pageUrl : undefined;
  if (url === undefined) return undefined;
  const path = (pagePath(url) ?? "").toLowerCase();
  const prefixes = c.portal.config.sources.flatMap((s) =>
    s.matchers.filter((m) => m.event === "form_submission").flatMap((m) => m.pagePathPrefix ?? []),
  );
  return prefixes.find((p) => !path.startsWith(p.toLowerCase()) && url.toLowerCase().includes(p.toLowerCase()));
}

/** The instant the flows write for an SLA: calendar time from the routing instant (portal time zone: UTC). */
function calendarDue(c: ReplayCase, policyId: string, routedAt: number, calendarId: string | null): number | null {
  const policy = c.portal.config.slaPolicies.find((p) => p.id === policyId);
  if (!policy) return null;
  const { target } = policy;
  if (target.unit === "business_minutes") return routedAt + target.amount * MINUTE_MS;
  if (target.unit === "business_hours") return routedAt + target.amount * HOUR_MS;
  if (target.unit === "business_days") return routedAt + target.amount * DAY_MS;
  const calendar =
    c.portal.config.calendars.find((cal) => cal.id === calendarId) ??
    c.portal.config.calendars.find((cal) => cal.id === c.portal.config.defaultCalendar);
  if (!calendar) return null;
  const { hour, minute } = closingTime(calendar);
  const sameDay = routedAt - (routedAt % DAY_MS) + hour * HOUR_MS + minute * MINUTE_MS;
  return sameDay >= routedAt ? sameDay : sameDay + DAY_MS;
}

const deployable = (entry: EventTypeEntry) => entry.eventTypeId !== null;

/** In table order: the first four change what HubSpot routes, the others how it shows the result. */
export const LIMITATIONS: Limitation[] = [
  {
    // Outbound touches whose event HubSpot does not raise (event list imports) are not kept by any
    // touch flow, so re-engagement in HubSpot routes as if they had not happened.
    code: "event_touch_not_deployable",
    warning: "event_kind_not_deployable",
    applies: (c) => (c.input.contact.history ?? []).some((touch) => !deployable(TOUCH_EVENT_TYPES[touch.kind])),
    expect(c) {
      const history = (c.input.contact.history ?? []).filter((touch) => deployable(TOUCH_EVENT_TYPES[touch.kind]));
      return engineOf(c, { ...c.input, contact: { ...c.input.contact, history } });
    },
  },
  {
    // No flow enrols on an event HubSpot does not raise (chats, list imports): the contact is left
    // exactly as it was before the event (unrouted, or as its outbound history left it).
    code: "event_kind_not_deployable",
    warning: "event_kind_not_deployable",
    applies: (c) => !deployable(EVENT_TYPES[c.input.event.kind]),
    expect: (c) => portalView(c.replayed.before, c.portal.emailOf),
  },
  {
    code: "number_property_values",
    warning: "number_property_values",
    applies: (c) => c.replayed.refused.length > 0,
    expect(c) {
      const refused = (object: string) =>
        new Set(c.replayed.refused.filter((r) => r.object === object).map((r) => r.property));
      const without = (values: Record<string, string> | undefined, names: Set<string>) =>
        values && Object.fromEntries(Object.entries(values).filter(([name]) => !names.has(name)));
      const { contact } = c.input;
      const company = contact.company;
      const properties = without(contact.properties, refused("contact"));
      const companyProperties = without(company?.properties, refused("company"));
      return engineOf(c, {
        ...c.input,
        contact: {
          ...contact,
          ...(properties ? { properties } : {}),
          ...(company
            ? { company: { ...company, ...(companyProperties ? { properties: companyProperties } : {}) } }
            : {}),
        },
      });
    },
  },
  {
    code: "router_only_operations",
    warning: "router_only_operations",
    // Workflows cannot count leads nor look companies up by domain: they route as if nobody had
    // any lead and no account matched (escalation is not part of the routing view).
    applies: (c) =>
      (c.input.load !== undefined || c.input.accounts !== undefined) &&
      JSON.stringify(engineOf(c, c.input)) !== JSON.stringify(engineOf(c, withoutRouterInputs(c.input))),
    expect: (c) => engineOf(c, withoutRouterInputs(c.input)),
  },
  {
    code: "page_path_prefix_contains",
    warning: "page_path_prefix_contains",
    applies: (c) => containsOnly(c) !== undefined,
    expect(c) {
      // HubSpot tests "URL contains": as if the page's path started with the prefix.
      const event = { ...c.input.event, pageUrl: containsOnly(c) as string };
      return engineOf(c, { ...c.input, event });
    },
  },
  {
    code: "rotation_position_per_action",
    warning: "rotation_position_per_action",
    // Several members available: the engine names no owner; HubSpot's rotation gives one of them.
    applies: (_c, expected) => typeof expected.pool === "string" && expected.owner === null,
    expect(c, expected) {
      const pool = c.portal.state.pools.find((p) => p.pool === expected.pool);
      return { ...expected, owner: { oneOf: (pool?.members ?? []).map((m) => m.rep.toLowerCase()) } };
    },
  },
  {
    code: "nurture_keeps_owner",
    warning: "nurture_keeps_owner",
    applies: (_c, expected) => expected.nurture !== null,
    expect: (c, expected) => ({ ...expected, owner: c.replayed.ownerBefore?.toLowerCase() ?? null }),
  },
  {
    code: "contact_created_delay",
    warning: "contact_created_delay",
    applies: (c) => c.input.event.kind === "contact_created",
    expect: (c, expected) => ({ ...expected, routedAt: c.input.at + 10 * MINUTE_MS }),
  },
  {
    code: "sla_calendar_time",
    warning: "sla_calendar_time",
    applies: (_c, expected) => typeof expected.slaPolicy === "string",
    expect(c, expected) {
      const decision = route(c.compiled, c.input);
      const due = calendarDue(c, expected.slaPolicy as string, expected.routedAt as number, decision.slaCalendar);
      return { ...expected, slaDueAt: due };
    },
  },
];
