import { describe, expect, it } from "vitest";
import { normaliseCountry, normaliseState } from "../../src/engine";
import { canonicalFlow, flowDigest, type FlowBody, type PropertyFilter } from "../../src/deploy";
import { localDate } from "../../src/deploy/compile/availability";
import { and, anyOf, company, known, or, toFilterBranch, TRUE, FALSE } from "../../src/deploy/compile/filters";
import { rotationList } from "../../src/deploy/compile/rotation";
import { matcherCondition } from "../../src/deploy/compile/source-flows";
import { branch, toActions, StepScope } from "../../src/deploy/compile/steps";
import { setValue } from "../../src/deploy/compile/actions";
import { compile, flowOf, reference } from "./support";

const items = (...weights: number[]) => weights.map((weight, i) => ({ item: "ABC"[i] as string, weight }));

describe("rotation lists", () => {
  it("spreads weights 2 and 1 as A B A", () => expect(rotationList(items(2, 1))).toEqual(["A", "B", "A"]));
  it("spreads weights 3 and 2 smoothly as A B A B A", () =>
    expect(rotationList(items(3, 2))).toEqual(["A", "B", "A", "B", "A"]));
  it("divides weights by their common divisor (4 and 2 as 2 and 1)", () =>
    expect(rotationList(items(4, 2))).toEqual(["A", "B", "A"]));
  it("takes equal turns for equal weights", () => expect(rotationList(items(1, 1, 1))).toEqual(["A", "B", "C"]));
});

describe("out-of-office days are local days of the rep's calendar", () => {
  it("reads the local date in the calendar's time zone, not the machine's", () => {
    const at = Date.parse("2026-08-02T23:30:00Z");
    expect(localDate(at, "Europe/London")).toBe("2026-08-03");
    expect(localDate(at, "America/Los_Angeles")).toBe("2026-08-02");
  });

  const emea = (iso: string) =>
    compile(Date.parse(iso))
      .pools.find((p) => p.pool === "inbound-ae-emea")
      ?.members.map((m) => m.rep);

  it("leaves farid.haddad out from the first minute of his first day off in London", () => {
    expect(emea("2026-08-02T22:59:00Z")).toEqual(["elena.rossi@acme.test", "farid.haddad@acme.test"]);
    expect(emea("2026-08-02T23:00:00Z")).toEqual(["elena.rossi@acme.test"]);
  });

  it("takes farid.haddad back from the first minute after his last day off in London", () => {
    expect(emea("2026-08-14T22:59:00Z")).toEqual(["elena.rossi@acme.test"]);
    expect(emea("2026-08-14T23:00:00Z")).toEqual(["elena.rossi@acme.test", "farid.haddad@acme.test"]);
  });
});

describe("territory filters", () => {
  type Branch = { filterBranchType: string; filters: PropertyFilter[]; filterBranches: Branch[] };
  const filtersOf = (branch: Branch): PropertyFilter[] => [
    ...branch.filters,
    ...branch.filterBranches.flatMap(filtersOf),
  ];
  const territoryBranch =
    compile().flows.length && flowOf(compile(), "source/form_submission").actions.find((a) => a.type === "LIST_BRANCH");

  it("list only spellings the engine normalises to the territory's countries and states", () => {
    if (!territoryBranch || territoryBranch.type !== "LIST_BRANCH") throw new Error("no territory branch");
    for (const option of territoryBranch.listBranches) {
      const territory = reference.territories.find((t) => t.id === option.branchName);
      const countries = new Set(territory?.matches.map((m) => m.country));
      const states = new Set(territory?.matches.flatMap((m) => [...(m.states ?? []), ...(m.exceptStates ?? [])]));
      for (const filter of filtersOf(option.filterBranch as Branch)) {
        const values = "values" in filter.operation ? filter.operation.values : [];
        for (const value of values) {
          if (filter.property === "country")
            expect(countries.has(normaliseCountry(value) ?? ""), `${option.branchName}: ${value}`).toBe(true);
          else expect(states.has(normaliseState("US", value) ?? ""), `${option.branchName}: ${value}`).toBe(true);
        }
      }
    }
  });

  it("include the names people type for the reference's countries and states", () => {
    const text = JSON.stringify(territoryBranch);
    for (const spelling of [
      "United States",
      "U.S.A.",
      "United Kingdom",
      "Deutschland",
      "California",
      "Oregon",
      "Canada",
      "the Netherlands",
      "the United States",
    ]) {
      expect(text).toContain(`"${spelling}"`);
    }
  });
});

describe("canonical flows", () => {
  const body = flowOf(compile(), "outbound");

  function renumbered(flow: FlowBody, shift: number): FlowBody {
    const move = (id: string) => String(Number(id) + shift);
    const json = JSON.parse(JSON.stringify(flow), (key, value) =>
      key === "actionId" || key === "nextActionId" ? move(value) : value,
    );
    return { ...json, startActionId: move(flow.startActionId) };
  }

  it("ignore action ids: a renumbered flow does the same thing", () => {
    const moved = renumbered(body, 1000);
    expect(moved.actions[0]?.actionId).toBe("1001");
    expect(canonicalFlow(moved)).toEqual(canonicalFlow(body));
    expect(flowDigest(moved)).toBe(flowDigest(body));
  });

  it("keep the order of list branches, because the first match wins", () => {
    const swapped = structuredClone(body);
    const branchAction = swapped.actions.find((a) => a.type === "LIST_BRANCH" && a.listBranches.length > 1);
    if (!branchAction || branchAction.type !== "LIST_BRANCH") throw new Error("no multi-branch action");
    branchAction.listBranches.reverse();
    expect(flowDigest(swapped)).not.toBe(flowDigest(body));
  });
});

describe("conditions as filters", () => {
  it("fold constants: false wins an AND, true wins an OR", () => {
    expect(and(anyOf("a", ["x"]), FALSE)).toEqual(FALSE);
    expect(or(anyOf("a", ["x"]), TRUE)).toEqual(TRUE);
    expect(and(TRUE, TRUE)).toEqual(TRUE);
  });

  it("merge two conditions on the primary company into one association branch", () => {
    const branch = toFilterBranch(
      and(company(filter("numberofemployees")), company(filter("hubspot_owner_id")), known("country")),
    );
    expect(branch.filterBranches).toHaveLength(1);
    const term = branch.filterBranches[0];
    expect(term?.filters.map((f) => f.property)).toEqual(["country"]);
    expect(term?.filterBranches.map((b) => [b.filterBranchType, b.filters.map((f) => f.property)])).toEqual([
      ["ASSOCIATION", ["numberofemployees", "hubspot_owner_id"]],
    ]);
  });

  it("count a call with no outcome as connected", () => {
    const branch = toFilterBranch(matcherCondition({ event: "call_logged", callOutcome: ["connected"] }));
    expect(branch.filterBranches[0]?.filters[0]?.operation).toMatchObject({
      values: ["connected"],
      includeObjectsWithNoValueSet: true,
    });
  });

  function filter(property: string): PropertyFilter {
    return {
      filterType: "PROPERTY",
      property,
      operation: { operationType: "ALL_PROPERTY", operator: "IS_KNOWN", includeObjectsWithNoValueSet: false },
    };
  }
});

describe("flow steps", () => {
  it("drop a branch whose first option always holds, keeping its steps", () => {
    const steps = branch([{ name: "always", when: TRUE, steps: () => [setValue("p", "1")] }], "never", () => [
      setValue("p", "2"),
    ]);
    expect(toActions(steps).actions).toEqual([
      expect.objectContaining({
        actionId: "1",
        fields: { property_name: "p", value: { type: "STATIC_VALUE", staticValue: "1" } },
      }),
    ]);
  });

  it("emit a shared tail once and jump to it from later paths", () => {
    const scope = new StepScope();
    const tail = () => scope.once("tail", () => [setValue("done", "true")]);
    const steps = branch(
      [{ name: "a", when: anyOf("p", ["a"]), steps: () => [setValue("x", "a"), ...tail()] }],
      "b",
      () => [setValue("x", "b"), ...tail()],
    );
    const { actions } = toActions(steps);
    expect(actions).toHaveLength(4);
    const last = actions.find(
      (a) =>
        a.type === "SINGLE_CONNECTION" &&
        a.fields.property_name === "x" &&
        (a.fields.value as { staticValue: string }).staticValue === "b",
    );
    expect(last?.type === "SINGLE_CONNECTION" && last.connection).toEqual({ edgeType: "GOTO", nextActionId: "3" });
  });

  it("split an if/then branch of more than 20 options into chained actions, first match first", () => {
    const options = Array.from({ length: 45 }, (_, i) => ({
      name: `o${i}`,
      when: anyOf("p", [String(i)]),
      steps: () => [setValue("x", String(i))],
    }));
    const { actions } = toActions(branch(options, "none", () => [setValue("x", "none")]));
    const branches = actions.filter((a) => a.type === "LIST_BRANCH");
    expect(branches.map((a) => a.listBranches.length)).toEqual([19, 19, 7]);
    expect(branches.flatMap((a) => a.listBranches.map((b) => b.branchName))).toEqual(options.map((o) => o.name));
    // Each action's default leads to the next one; the last one's to the original default.
    const byId = new Map(actions.map((a) => [a.actionId, a]));
    expect(byId.get(branches[0]!.defaultBranch!.nextActionId)).toBe(branches[1]);
    expect(byId.get(branches[1]!.defaultBranch!.nextActionId)).toBe(branches[2]);
    const last = byId.get(branches[2]!.defaultBranch!.nextActionId);
    expect(last?.type === "SINGLE_CONNECTION" && last.fields.value).toEqual({
      type: "STATIC_VALUE",
      staticValue: "none",
    });
  });
});
