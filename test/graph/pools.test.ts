import { describe, expect, it } from "vitest";
import { graphMarkdown, routingGraph } from "../../src/graph";
import { organisation } from "../routing-changes/organisation";

const base = organisation(6);
const head = structuredClone(base);
head.reps.push({
  email: "nora.quinn@acme.test",
  name: "Nora Quinn",
  role: "AE",
  calendar: "emea",
  territories: ["emea"],
});
head.pools[0]!.members.push({ rep: "nora.quinn@acme.test", weight: 2 });
head.pools[0]!.members[1]!.weight = 4;
head.pools[1]!.members.splice(0, 1);

describe("routing graph: pools", () => {
  it("shows who is in each pool with weights, without a base", () => {
    const graph = routingGraph(base);
    expect(graph.mermaid).toContain(
      'pool_0("EMEA AEs #40;emea#41;<br/>Rep 0 #40;rep0000@acme.test#41; ×1<br/>Rep 2 #40;rep0002@acme.test#41; ×2<br/>Rep 4 #40;rep0004@acme.test#41; ×3")',
    );
    expect(graph.poolChanges).toEqual([]);
  });

  it("marks members added, removed and re-weighted, and highlights the pools", () => {
    const graph = routingGraph(head, { base });
    expect(graph.mermaid).toContain(
      'pool_0("EMEA AEs #40;emea#41;<br/>~ Rep 2 #40;rep0002@acme.test#41; ×2 → ×4<br/>+ Nora Quinn #40;nora.quinn@acme.test#41; ×2 #40;joined#41;<br/>Rep 0 #40;rep0000@acme.test#41; ×1<br/>Rep 4 #40;rep0004@acme.test#41; ×3")',
    );
    expect(graph.mermaid).toContain("− Rep 1 #40;rep0001@acme.test#41; ×1 #40;left#41;");
    expect(graph.mermaid).toContain("class pool_0,pool_1 changed");
  });

  it("counts pool changes as routing changes in the Markdown", () => {
    const markdown = graphMarkdown(routingGraph(head, { base }), { base: "main" });
    expect(markdown).toContain("**3 routing changes** compared with main");
    expect(markdown).toContain(
      "- Nora Quinn \\(nora\\.quinn@\u200bacme\\.test\\) joined pool EMEA AEs \\(emea\\) with weight 2",
    );
  });
});
