import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RoutingConfig } from "../../src/config";
import { graphMarkdown, mermaidText, routingChanges, routingGraph } from "../../src/graph";
import reference from "../reference/routing/index";
import { decodeMermaidText, readMermaid, type MermaidModel } from "./mermaid-model";

const copy = (): RoutingConfig => structuredClone(reference);

/** The node whose label's first line is exactly `text` (the rule id, or `N. source id`). */
function nodesTitled(model: MermaidModel, text: string) {
  return model.nodes.filter((node) => node.label.split("\n")[0] === text);
}

function checkStructure(model: MermaidModel): void {
  const ids = model.nodes.map((node) => node.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const edge of model.edges) {
    expect(ids).toContain(edge.from);
    expect(ids).toContain(edge.to);
  }
  for (const members of model.classes.values()) for (const id of members) expect(ids).toContain(id);
}

describe("routingGraph of the reference organisation", () => {
  const { mermaid, changes } = routingGraph(reference);
  const model = readMermaid(mermaid);

  it("is well-formed Mermaid: one declaration per node, every edge between declared nodes", () => {
    expect(mermaid.split("\n").find((line) => !line.startsWith("%%"))).toBe("flowchart TD");
    checkStructure(model);
    expect(model.subgraphs).toEqual([
      "identification",
      "reengagement_rules",
      "inbound_rules",
      "outbound_rules",
      "pools",
    ]);
  });

  it("shows every source type once, in order, each leading to its system and else to the next", () => {
    reference.sources.forEach((source, index) => {
      const [node] = nodesTitled(model, `${index + 1}. ${source.id}`);
      expect(node, source.id).toBeDefined();
      expect(nodesTitled(model, `${index + 1}. ${source.id}`)).toHaveLength(1);
      const toSystem = model.edges.find((edge) => edge.from === node?.id && edge.to === `sys_${source.system}`);
      expect(toSystem?.label).toBeTruthy();
      const next = model.edges.find((edge) => edge.from === node?.id && edge.label === "else");
      expect(next?.to).toBe(index + 1 < reference.sources.length ? `src_${index + 1}` : "unclassified");
    });
    expect(model.nodes.find((node) => node.id === "unclassified")?.label).toContain(
      `queue ${reference.unclassified.queue}`,
    );
  });

  it("shows every rule id of every system exactly once, with its condition on the edge to its outcome", () => {
    const rules = [
      ...reference.reengagement.rules,
      ...reference.systems.inbound.rules,
      ...reference.systems.outbound.rules,
    ];
    for (const rule of rules) {
      const found = nodesTitled(model, rule.id);
      expect(found, rule.id).toHaveLength(1);
      const outcome = model.edges.find((edge) => edge.from === found[0]?.id && edge.to === `${found[0]?.id}_to`);
      expect(outcome?.label, rule.id).toBeTruthy();
    }
    const accountOwner = nodesTitled(model, "inbound-account-owner")[0];
    expect(model.edges.find((edge) => edge.from === accountOwner?.id && edge.label !== "else")?.label).toBe(
      "company has an owner",
    );
    expect(model.nodes.find((node) => node.id === `${accountOwner?.id}_to`)?.label).toBe(
      "company owner\nSLA by intent, notification urgent",
    );
  });

  it("checks re-engagement before the inbound rules, and hands collaborative re-engagements to them", () => {
    expect(model.edges).toContainEqual({ from: "sys_inbound", to: "re_check", dotted: false });
    expect(model.edges).toContainEqual({ from: "re_check", to: "re_0", label: "yes", dotted: false });
    expect(model.edges).toContainEqual({ from: "re_check", to: "in_0", label: "no", dotted: false });
    expect(model.edges).toContainEqual({ from: "re_1_to", to: "in_0", label: "inbound rules", dotted: true });
    expect(model.edges).toContainEqual({ from: "sys_outbound", to: "out_0", dotted: false });
  });

  it("highlights nothing without a base", () => {
    expect(changes).toEqual([]);
    expect(model.classes.size).toBe(0);
    expect(model.classDefs).toEqual([]);
  });
});

describe("routingGraph compared with a base", () => {
  it("reports no change and highlights nothing against an identical config", () => {
    const graph = routingGraph(reference, { base: copy() });
    expect(graph.changes).toEqual([]);
    expect(readMermaid(graph.mermaid).classes.size).toBe(0);
  });

  it("highlights a changed rule and names the changed field", () => {
    const changed = copy();
    changed.systems.inbound.rules[1]!.sla = "inbound-standard";
    const graph = routingGraph(changed, { base: reference });
    expect(graph.changes).toEqual([{ layer: "inbound", id: "inbound-enterprise", kind: "changed", fields: ["sla"] }]);
    const model = readMermaid(graph.mermaid);
    checkStructure(model);
    const node = nodesTitled(model, "inbound-enterprise")[0];
    expect(model.classes.get("changed")).toEqual([node?.id, `${node?.id}_to`]);
    expect(model.classDefs).toEqual(["added", "changed", "removed"]);
  });

  it("highlights an added rule and shows a removed one in its own group", () => {
    const changed = copy();
    changed.systems.outbound.rules.splice(1, 1);
    changed.systems.inbound.rules.splice(3, 0, {
      id: "inbound-partner",
      when: { sourceType: ["inbound_general_form"], segment: ["enterprise"] },
      outcome: { type: "pool", pool: "enterprise-na" },
      sla: "inbound-high",
      notification: "urgent",
    });
    const graph = routingGraph(changed, { base: reference });
    expect(graph.changes).toEqual([
      { layer: "inbound", id: "inbound-partner", kind: "added", fields: [] },
      { layer: "outbound", id: "outbound-caller", kind: "removed", fields: [] },
    ]);
    const model = readMermaid(graph.mermaid);
    checkStructure(model);
    expect(model.classes.get("added")).toEqual(["in_3", "in_3_to"]);
    const removed = model.classes.get("removed") ?? [];
    expect(removed).toHaveLength(1);
    expect(model.nodes.find((node) => node.id === removed[0])?.label).toBe("outbound-caller\nremoved from outbound");
  });

  it("marks only the rule that moved, not the ones an insertion shifted", () => {
    const changed = copy();
    const rules = changed.systems.inbound.rules;
    const [nurture] = rules.splice(3, 1);
    rules.splice(1, 0, nurture!);
    expect(routingChanges(changed, reference)).toEqual([
      { layer: "inbound", id: "inbound-nurture", kind: "changed", fields: ["position"] },
    ]);
  });

  it("covers source types and the unclassified catch too", () => {
    const changed = copy();
    changed.sources[1]!.matchers[0]!.pagePathPrefix = ["/pricing", "/plans"];
    changed.unclassified.notification = "calm";
    expect(routingChanges(changed, reference)).toEqual([
      { layer: "source", id: "inbound_pricing_page", kind: "changed", fields: ["matchers"] },
      { layer: "unclassified", id: "unclassified", kind: "changed", fields: ["notification"] },
    ]);
  });
});

describe("labels", () => {
  it("escape everything Mermaid or GitHub would read in any text, and decode back to it", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 40 }),
          fc.string({
            unit: fc.constantFrom(...'"|[]{}()<>`;#&\\'.split(""), "\n", "-->", "end", "#quot;", "a"),
          }),
        ),
        (text) => {
          const outsideEntities = mermaidText(text).replace(/#(\d+|quot|amp|lt|gt);/g, "");
          expect(outsideEntities).not.toMatch(/["|[\]{}()<>`;#\\\n\r]/);
          const escaped = mermaidText(text);
          // eslint-disable-next-line no-control-regex
          expect(decodeMermaidText(escaped)).toBe(text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " "));
        },
      ),
    );
  });

  it("keep a hostile config label inside its node", () => {
    const hostile = copy();
    const label = 'Demo "now" | [x] {y} (z) <script>alert(1)</script> #1; `a` --> end';
    hostile.sources[0]!.label = label;
    hostile.version = "1\n```";
    const model = readMermaid(routingGraph(hostile).mermaid);
    expect(model.nodes.find((node) => node.id === "src_0")?.label.split("\n")[1]).toBe(label);
  });
});

describe("graphMarkdown", () => {
  it("wraps the diagram in a mermaid block and lists the changes against the base", () => {
    const changed = copy();
    changed.systems.inbound.rules[1]!.notification = "calm";
    const markdown = graphMarkdown(routingGraph(changed, { base: reference }), { base: "main" });
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1];
    expect(block).toBeDefined();
    expect(() => readMermaid(block + "\n")).not.toThrow();
    expect(markdown).toContain("**1 routing change** compared with main \\(highlighted above\\):");
    expect(markdown).toContain("| inbound | `inbound-enterprise` | changed | notification |");
  });

  it("says so when nothing changed", () => {
    expect(graphMarkdown(routingGraph(reference, { base: copy() }), { base: "main" })).toContain(
      "No routing changes compared with main\\.",
    );
  });
});
