import { describe, expect, it } from "vitest";
import { compareDecision, formatInstant, parseInstant, showValue } from "../../src/fixtures";
import { decision } from "./support";

const due = Date.UTC(2026, 2, 9, 13, 30);

describe("comparing a decision with expect", () => {
  it("asserts only the keys given", () => {
    const d = decision({ rule: "inbound-high-intent", owner: "ava.reed@acme.test", pool: "p" });
    expect(compareDecision({ rule: "inbound-high-intent" }, d)).toEqual([]);
  });

  it("reports every key that differs, in the format's order", () => {
    const d = decision({ system: "inbound", rule: "inbound-fallback", owner: "mia.lopez@acme.test" });
    expect(compareDecision({ owner: "ava.reed@acme.test", system: "outbound", rule: "inbound-fallback" }, d)).toEqual([
      { field: "system", expected: "outbound", actual: "inbound" },
      { field: "owner", expected: "ava.reed@acme.test", actual: "mia.lopez@acme.test" },
    ]);
  });

  it("compares owner with the decision's owner, null included", () => {
    expect(compareDecision({ owner: null }, decision({ owner: null, rotationPick: "ava.reed@acme.test" }))).toEqual([]);
    expect(compareDecision({ owner: null }, decision({ owner: "dan.kim@acme.test" }))).toEqual([
      { field: "owner", expected: null, actual: "dan.kim@acme.test" },
    ]);
  });

  it("compares sourceType and slaPolicy null with null", () => {
    expect(compareDecision({ sourceType: null, slaPolicy: null }, decision())).toEqual([]);
    expect(compareDecision({ sourceType: null }, decision({ sourceType: "inbound_chatbot" }))).toHaveLength(1);
    expect(compareDecision({ slaPolicy: "inbound-high" }, decision({ slaPolicy: null }))).toEqual([
      { field: "slaPolicy", expected: "inbound-high", actual: null },
    ]);
  });

  it("compares reengagement as a boolean", () => {
    expect(compareDecision({ reengagement: false }, decision({ reengagement: true }))).toEqual([
      { field: "reengagement", expected: false, actual: true },
    ]);
  });

  it("compares slaDueAt as instants whatever the offset written", () => {
    const d = decision({ slaDueAt: due });
    expect(compareDecision({ slaDueAt: "2026-03-09T13:30:00Z" }, d)).toEqual([]);
    expect(compareDecision({ slaDueAt: "2026-03-09T09:30:00-04:00" }, d)).toEqual([]);
    expect(compareDecision({ slaDueAt: "2026-03-09T13:30:00.000Z" }, d)).toEqual([]);
  });

  it("shows a wrong slaDueAt in UTC, and also in the offset the fixture used", () => {
    const d = decision({ slaDueAt: due });
    expect(compareDecision({ slaDueAt: "2026-03-09T14:30:00Z" }, d)).toEqual([
      { field: "slaDueAt", expected: "2026-03-09T14:30:00Z", actual: "2026-03-09T13:30:00Z" },
    ]);
    expect(compareDecision({ slaDueAt: "2026-03-09T10:30:00-04:00" }, d)[0]?.actual).toBe(
      "2026-03-09T09:30:00-04:00 (2026-03-09T13:30:00Z)",
    );
  });

  it("treats slaDueAt null as no SLA due time", () => {
    expect(compareDecision({ slaDueAt: null }, decision())).toEqual([]);
    expect(compareDecision({ slaDueAt: null }, decision({ slaDueAt: due }))).toEqual([
      { field: "slaDueAt", expected: null, actual: "2026-03-09T13:30:00Z" },
    ]);
    expect(compareDecision({ slaDueAt: "2026-03-09T13:30:00Z" }, decision())).toEqual([
      { field: "slaDueAt", expected: "2026-03-09T13:30:00Z", actual: null },
    ]);
  });

  it("prints values plainly, with null and empty text visible", () => {
    expect([showValue(null), showValue(""), showValue(true), showValue("ava.reed@acme.test")]).toEqual([
      "null",
      '""',
      "true",
      "ava.reed@acme.test",
    ]);
  });
});

describe("instants", () => {
  it("parses Z, offsets, fractions and a space separator without the machine's time zone", () => {
    expect(parseInstant("2026-03-09T13:30:00Z")).toBe(due);
    expect(parseInstant("2026-03-09T09:30:00-04:00")).toBe(due);
    expect(parseInstant("2026-03-09T19:00:00+05:30")).toBe(due);
    expect(parseInstant("2026-03-09 13:30:00.250z")).toBe(due + 250);
  });

  it("refuses what is not an instant", () => {
    for (const text of [
      "2026-03-09T13:30:00",
      "2026-02-30T10:00:00Z",
      "2026-03-09",
      "next monday",
      "2026-03-09T24:00:00Z",
    ]) {
      expect(parseInstant(text), text).toBeUndefined();
    }
  });

  it("formats in UTC or a given offset, milliseconds only when there are any", () => {
    expect(formatInstant(due)).toBe("2026-03-09T13:30:00Z");
    expect(formatInstant(due, "-04:00")).toBe("2026-03-09T09:30:00-04:00");
    expect(formatInstant(due + 5)).toBe("2026-03-09T13:30:00.005Z");
  });
});
