import { describe, expect, it } from "vitest";
import config from "../reference/routing";
import { createRotationState, route } from "../../src/engine";
import { generateRouteInputList, generateRouteInputs } from "../../src/sample";
import { reference } from "./leads";

const YEAR_2026 = { from: Date.parse("2026-01-01T00:00:00Z"), to: Date.parse("2027-01-01T00:00:00Z") };

describe("generateRouteInputs", () => {
  it("is deterministic: the same seed gives the same inputs; another seed others", () => {
    const a = generateRouteInputList(config, { seed: 42, count: 300, ...YEAR_2026 });
    const b = generateRouteInputList(config, { seed: 42, count: 300, ...YEAR_2026 });
    const c = generateRouteInputList(config, { seed: 43, count: 300, ...YEAR_2026 });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it("yields exactly count inputs, with event times in [from, to)", () => {
    const from = Date.parse("2026-08-01T00:00:00Z");
    const to = Date.parse("2026-08-08T00:00:00Z");
    const inputs = [...generateRouteInputs(config, { seed: 1, count: 2000, from, to })];
    expect(inputs).toHaveLength(2000);
    expect(inputs.every((input) => input.at >= from && input.at < to)).toBe(true);
  });

  describe("variety, once routed on the reference organisation", () => {
    const inputs = generateRouteInputList(config, { seed: 7, count: 20_000, ...YEAR_2026 });
    const rotation = createRotationState();
    const decisions = inputs.map((input) => route(reference, input, { rotation, trace: false }));
    const share = (test: (i: number) => boolean) => inputs.filter((_, i) => test(i)).length / inputs.length;

    it("every event kind appears in plausible proportions", () => {
      for (const kind of [
        "form_submission",
        "meeting_booked",
        "chat_completed",
        "sequence_reply",
        "call_logged",
        "list_import",
        "contact_created",
      ]) {
        const part = share((i) => inputs[i]!.event.kind === kind);
        expect(part, kind).toBeGreaterThan(0.03);
        expect(part, kind).toBeLessThan(0.5);
      }
    });

    it("every system and every reference rule decides some of them", () => {
      const rules = new Set(decisions.map((d) => d.rule));
      const expected = [
        ...config.systems.inbound.rules,
        ...config.systems.outbound.rules,
        ...config.reengagement.rules,
      ].map((r) => r.id);
      for (const id of [...expected, "unclassified"]) expect(rules.has(id), id).toBe(true);
    });

    it("some are unclassified, but not most", () => {
      const part = share((i) => decisions[i]!.system === "unclassified");
      expect(part).toBeGreaterThan(0.05);
      expect(part).toBeLessThan(0.3);
    });

    it("countries come in messy spellings, and some are missing", () => {
      const spellings = new Set(inputs.map((input) => input.contact.properties?.country));
      for (const spelling of ["US", "USA", "United States", "U.S.A.", "UK", "Deutschland", undefined]) {
        expect(spellings.has(spelling), String(spelling)).toBe(true);
      }
      expect(share((i) => decisions[i]!.territory === null)).toBeGreaterThan(0.05);
    });

    it("companies of every segment, with and without owners, some owners being no rep", () => {
      const segments = new Set(decisions.map((d) => d.segment));
      expect([...segments].sort()).toEqual(["enterprise", "mid-market", "smb"]);
      const reps = new Set(config.reps.map((r) => r.email));
      const owners = inputs.map((input) => input.contact.company?.owner).filter((o): o is string => o !== undefined);
      expect(owners.some((o) => reps.has(o))).toBe(true);
      expect(owners.some((o) => !reps.has(o))).toBe(true);
      expect(share((i) => inputs[i]!.contact.company === undefined)).toBeGreaterThan(0.1);
    });

    it("outbound history inside and outside the lookback", () => {
      const lookback = config.reengagement.lookbackDays * 86_400_000;
      const ages = inputs.flatMap((input) => (input.contact.history ?? []).map((touch) => input.at - touch.at));
      expect(ages.some((age) => age >= 0 && age <= lookback)).toBe(true);
      expect(ages.some((age) => age > lookback)).toBe(true);
      expect(ages.some((age) => age < 0)).toBe(true);
    });

    it("inactive and out-of-office reps are exercised", () => {
      const named = inputs.flatMap((input) => [
        input.event.owner,
        input.contact.company?.owner,
        ...(input.contact.history ?? []).map((t) => t.owner),
      ]);
      expect(named).toContain("ivan.petrov@acme.test");
      const farid = Date.parse("2026-08-03T00:00:00Z");
      const emeaInAugust = decisions.filter(
        (d, i) => d.pool === "inbound-ae-emea" && Math.abs(inputs[i]!.at - farid - 6 * 86_400_000) < 6 * 86_400_000,
      );
      expect(emeaInAugust.some((d) => d.owner === "elena.rossi@acme.test")).toBe(true);
    });
  });
});
