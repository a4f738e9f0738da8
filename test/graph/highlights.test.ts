/**
 * What the graph highlights against a base, in the routing's words: a rule whose condition
 * changed (its node and the edge that carries the condition), a rule that moved in the order,
 * pool members joined, left and re-weighted; pinned as a golden file, and inert Markdown whatever
 * the names hold.
 */
import { describe, expect, it } from "vitest";
import type { RoutingConfig } from "../../src/config";
import { graphMarkdown, routingGraph } from "../../src/graph";
import reference from "../reference/routing/index";
import { HOSTILE_NAMES, markdownLeaks } from "../report/hostile";
import { organisation } from "../routing-changes/organisation";
import { readMermaid } from "./mermaid-model";

const copy = (): RoutingConfig => structuredClone(reference);

describe("routing graph highlights", () => {
  it("highlights a rule whose condition changed, on its node and on the edge that shows the new condition", () => {
    const head = copy();
    const rule = head.systems.inbound.rules.find((r) => r.id === "inbound-enterprise")!;
    rule.when = { ...rule.when, territory: ["na-east"] };
    const graph = routingGraph(head, { base: reference });
    expect(graph.changes).toEqual([{ layer: "inbound", id: "inbound-enterprise", kind: "changed", fields: ["when"] }]);
    const model = readMermaid(graph.mermaid);
    const node = model.nodes.find((n) => n.label.split("\n")[0] === "inbound-enterprise")!;
    expect(model.classes.get("changed")).toEqual([node.id, `${node.id}_to`]);
    const edge = model.edges.find((e) => e.from === node.id && e.label !== undefined);
    expect(edge?.label).toContain("na-east");
    expect(graphMarkdown(graph, { base: "main" })).toContain(
      "| inbound | `inbound-enterprise` | changed | condition |",
    );
  });

  it("highlights a rule that moved in the order, and only that one", () => {
    const head = copy();
    const rules = head.systems.inbound.rules;
    const [nurture] = rules.splice(
      rules.findIndex((r) => r.id === "inbound-nurture"),
      1,
    );
    rules.splice(1, 0, nurture!);
    const graph = routingGraph(head, { base: reference });
    const model = readMermaid(graph.mermaid);
    const node = model.nodes.find((n) => n.label.split("\n")[0] === "inbound-nurture")!;
    expect(model.classes.get("changed")).toEqual([node.id, `${node.id}_to`]);
    expect(graphMarkdown(graph, { base: "main" })).toContain(
      "| inbound | `inbound-nurture` | changed | order \\(moved\\) |",
    );
  });
});

function nora(name: string, poolLabel?: string): { head: RoutingConfig; base: RoutingConfig } {
  const base = organisation(6);
  const head = structuredClone(base);
  head.reps.push({ email: "nora.quinn@acme.test", name, role: "AE", calendar: "emea", territories: ["emea"] });
  head.pools[0]!.members.push({ rep: "nora.quinn@acme.test", weight: 2 });
  head.pools[0]!.members[1]!.weight = 4;
  head.pools[1]!.members.splice(0, 1);
  if (poolLabel !== undefined) head.pools[1]!.label = poolLabel;
  const rules = head.systems.inbound.rules;
  rules.push(rules.shift()!);
  return { head, base };
}

describe("routing graph golden file", () => {
  it("pins the Markdown of pool members joined, left and re-weighted, and a moved rule", async () => {
    const { head, base } = nora("Nora Quinn");
    await expect(graphMarkdown(routingGraph(head, { base }), { base: "main" })).toMatchFileSnapshot(
      "../golden/graph/pool-members.md",
    );
  });

  it("pins the Mermaid source (the default format) of the same change", async () => {
    const { head, base } = nora("Nora Quinn");
    await expect(routingGraph(head, { base }).mermaid).toMatchFileSnapshot("../golden/graph/pool-members.mmd");
  });
});

describe("routing graph Markdown with hostile names", () => {
  for (const name of HOSTILE_NAMES) {
    it(`shows ${JSON.stringify(name)} as a rep, a pool label and the base with no mention, reference, HTML or marker`, () => {
      const { head, base } = nora(name, name);
      const markdown = graphMarkdown(routingGraph(head, { base }), { base: name });
      expect(markdownLeaks(markdown)).toEqual([]);
    });
  }
});
