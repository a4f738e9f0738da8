import fc from "fast-check";
import { describe, expect, it } from "vitest";
import config from "../reference/routing";
import { compileCalendar, createRotationState, route, type Decision, type RouteInput } from "../../src/engine";
import { reference } from "./leads";

const repEmails = config.reps.map((r) => r.email);
const STAGES = new Set([
  "source",
  "territory",
  "segment",
  "intent",
  "reengagement",
  "inbound",
  "outbound",
  "unclassified",
  "pool",
  "sla",
  "account",
  "escalation",
]);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const garbage = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("", "   ", "__proto__", "constructor", "NaN"),
);
const email = fc.oneof(
  fc.constantFrom(...repEmails),
  fc.constantFrom(" Jade.Wilson@ACME.test ", "pat@partner.example", ""),
  garbage,
);
const instant = fc.oneof(
  fc.integer({ min: Date.parse("2024-06-01T00:00:00Z"), max: Date.parse("2027-06-01T00:00:00Z") }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 8.64e15, 1e20),
  fc.double(),
);
const place = fc.oneof(
  fc.constantFrom(
    "US",
    "usa",
    "United States",
    "U.K.",
    "Germany",
    "CA",
    "Canada",
    "Japan",
    "California",
    "NY",
    "Québec",
    "DC",
  ),
  garbage,
);
const employees = fc.oneof(fc.constantFrom("12", "200", "999", "1,000", "25 000", "NaN", "-5", "1e3", ""), garbage);
const touch = fc.record(
  {
    kind: fc.constantFrom("sequence_enrollment" as const, "call" as const, "event" as const),
    owner: email,
    at: instant,
    sequence: optional(garbage),
  },
  { requiredKeys: ["kind", "owner", "at"] },
);
const event = fc.record(
  {
    kind: fc.constantFrom(
      "form_submission" as const,
      "meeting_booked" as const,
      "chat_completed" as const,
      "sequence_reply" as const,
      "call_logged" as const,
      "list_import" as const,
      "contact_created" as const,
    ),
    formId: optional(
      fc.oneof(fc.constantFrom("demo-request", "newsletter", "ebook-x", "whitepaper-", "contact-us"), garbage),
    ),
    pageUrl: optional(
      fc.oneof(fc.constantFrom("https://acme.test/pricing", "/pricing?x", "//x/pricing", "pricing"), garbage),
    ),
    qualified: optional(fc.boolean()),
    outcome: optional(fc.oneof(fc.constantFrom("connected", "Connected", "no_answer"), garbage)),
    importSource: optional(fc.oneof(fc.constantFrom("event:x", "EVENT:y", "webinar:z"), garbage)),
    owner: optional(email),
  },
  { requiredKeys: ["kind"] },
);
const routeInput: fc.Arbitrary<RouteInput> = fc.record({
  at: fc.oneof(
    fc.integer({ min: Date.parse("2026-01-01T00:00:00Z"), max: Date.parse("2027-01-01T00:00:00Z") }),
    instant,
  ),
  contact: fc.record(
    {
      email: optional(email),
      properties: optional(fc.dictionary(fc.constantFrom("country", "state", "firstname"), place)),
      company: optional(
        fc.record(
          {
            domain: optional(garbage),
            owner: optional(email),
            properties: optional(fc.record({ numberofemployees: employees }, { requiredKeys: [] })),
          },
          { requiredKeys: [] },
        ),
      ),
      history: optional(fc.array(touch, { maxLength: 4 })),
    },
    { requiredKeys: [] },
  ),
  event,
});

const withoutTrace = (decision: Decision) => ({ ...decision, trace: [] });

describe("route, over random contacts and events", () => {
  it("never throws and always places a classified contact with an owner, pool, queue or nurture sequence", () => {
    fc.assert(
      fc.property(routeInput, (input) => {
        const decision = route(reference, input);
        if (decision.sourceType !== null) {
          expect(decision.owner ?? decision.pool ?? decision.queue ?? decision.nurture).not.toBeNull();
        } else {
          expect(decision).toMatchObject({
            system: "unclassified",
            queue: "routing-desk",
            owner: "mia.lopez@acme.test",
          });
        }
        expect(decision.reengagement).toBe(decision.system === "reengagement");
        if (decision.pool !== null) expect(decision.rotationPick).not.toBeNull();
        if (decision.slaPolicy === null) expect(decision.slaDueAt).toBeNull();
        if (decision.slaDueAt !== null) expect(decision.slaDueAt).toBeGreaterThanOrEqual(input.at);
      }),
      { numRuns: 600 },
    );
  });

  it("is deterministic: the same input and rotation state give the same decision and the same next state", () => {
    fc.assert(
      fc.property(fc.array(routeInput, { minLength: 1, maxLength: 8 }), (inputs) => {
        const first = createRotationState();
        const second = createRotationState();
        for (const input of inputs) {
          expect(route(reference, input, { rotation: second })).toEqual(route(reference, input, { rotation: first }));
        }
        expect(second).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it("decides the same with the trace off; the trace, when on, has a known stage and a reason for every step", () => {
    fc.assert(
      fc.property(routeInput, (input) => {
        const traced = route(reference, input, { trace: true });
        const quiet = route(reference, input, { trace: false });
        expect(quiet.trace).toEqual([]);
        expect(quiet).toEqual(withoutTrace(traced));
        for (const step of traced.trace) {
          expect(STAGES.has(step.stage)).toBe(true);
          expect(step.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("rotation state round-trips through JSON mid-replay without changing any later pick", () => {
    fc.assert(
      fc.property(
        fc.array(routeInput, { maxLength: 10 }),
        fc.array(routeInput, { minLength: 1, maxLength: 10 }),
        (before, after) => {
          const live = createRotationState();
          for (const input of before) route(reference, input, { rotation: live, trace: false });
          const restored = JSON.parse(JSON.stringify(live));
          for (const input of after) {
            const expected = route(reference, input, { rotation: live, trace: false });
            expect(route(reference, input, { rotation: restored, trace: false })).toEqual(expected);
          }
          expect(JSON.parse(JSON.stringify(live))).toEqual(restored);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("business time, over random instants", () => {
  const calendars = config.calendars.map(compileCalendar);
  const moment = fc.integer({ min: Date.parse("2025-12-01T00:00:00Z"), max: Date.parse("2027-01-31T00:00:00Z") });

  it("n business minutes after t span exactly n open minutes, across weekends, holidays and DST", () => {
    fc.assert(
      fc.property(fc.constantFrom(...calendars), moment, fc.integer({ min: 0, max: 6000 }), (calendar, t, n) => {
        const due = calendar.addBusinessMinutes(t, n);
        expect(calendar.businessMinutesBetween(t, due)).toBeCloseTo(n, 6);
        expect(due).toBeGreaterThanOrEqual(calendar.nextOpening(t));
      }),
      { numRuns: 500 },
    );
  });

  it("the next opening is open, and nothing before it (after t) is", () => {
    fc.assert(
      fc.property(fc.constantFrom(...calendars), moment, (calendar, t) => {
        const opening = calendar.nextOpening(t);
        expect(calendar.isOpen(opening)).toBe(true);
        expect(calendar.businessMinutesBetween(t, opening)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it("n business days later is on a business day, at the same local wall-clock time as the adjusted start", () => {
    fc.assert(
      fc.property(fc.constantFrom(...calendars), moment, fc.integer({ min: 1, max: 15 }), (calendar, t, n) => {
        const start = calendar.nextOpening(t);
        const due = calendar.addBusinessDays(t, n);
        expect(calendar.isBusinessDate(calendar.localDate(due))).toBe(true);
        expect(calendar.localDateTime(due).slice(11)).toBe(calendar.localDateTime(start).slice(11));
        expect(due).toBeGreaterThan(start);
      }),
      { numRuns: 500 },
    );
  });
});
