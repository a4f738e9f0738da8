/**
 * The hostile-input corpus across every report RouteOps writes as Markdown: the audit (contact
 * and company names, analytics sources), the plan with `--base` (rep names, pool labels, a pool
 * label edited in HubSpot), and golden files of `plan --base` in text, Markdown and JSON for the
 * change of issue 15. (The simulation, the graph and the PR comment have their own in
 * test/simulate/golden.test.ts, test/graph/highlights.test.ts, test/pr-report/routing-changes.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { auditMarker } from "../../src/audit/marker";
import { renderMarkdown as renderAuditMarkdown } from "../../src/audit/render/markdown";
import { renderPlan } from "../../src/cli/plan-output";
import type { RoutingConfig } from "../../src/config/types";
import { MANAGED_PROPERTIES, PLAN_COMMENT_MARKER, planChanges, type LiveState } from "../../src/deploy";
import { compareConfigs } from "../../src/usecases/routing-changes";
import { audit, contact, routed } from "../audit/audit-fixtures";
import { compile, readBack } from "../deploy/support";
import { organisation } from "../routing-changes/organisation";
import { HOSTILE_NAMES, markdownLeaks } from "./hostile";

const desired = compile();
const deployed = readBack(desired);

function withPoolLabel(label: string): LiveState {
  return {
    ...deployed,
    properties: deployed.properties.map((p) => (p.name === MANAGED_PROPERTIES.pool ? { ...p, label } : p)),
  };
}

/** Issue 15's change: Nora joins the EMEA pool with weight 2 and is out of office the next week. */
function withNora(base: RoutingConfig, name = "Nora Quinn"): RoutingConfig {
  const head = structuredClone(base);
  head.reps.push({
    email: "nora.quinn@acme.test",
    name,
    role: "AE",
    calendar: "emea",
    territories: ["emea"],
    outOfOffice: [{ from: "2026-12-14", to: "2026-12-18" }],
  });
  head.pools[0]!.members.push({ rep: "nora.quinn@acme.test", weight: 2 });
  return head;
}

describe("audit Markdown with hostile names", () => {
  for (const name of HOSTILE_NAMES) {
    it(`shows ${JSON.stringify(name)} as a contact, a company and a source with no mention, reference, HTML or marker`, () => {
      const report = audit([
        contact(
          {
            createdate: "2026-11-20T10:00:00Z",
            firstname: name,
            lastname: name,
            company: name,
            hs_analytics_source: "OFFLINE",
            hs_analytics_source_data_1: name,
            hs_analytics_source_data_2: name,
          },
          "77",
        ),
        contact(routed("inbound", "demo", "2026-11-17T15:00:00Z", { hubspot_owner_id: "1", firstname: name })),
      ]);
      const marker = auditMarker("4242");
      expect(markdownLeaks(renderAuditMarkdown(report, { marker }), marker)).toEqual([]);
    });
  }
});

describe("plan --base Markdown with hostile names", () => {
  for (const name of HOSTILE_NAMES) {
    it(`shows ${JSON.stringify(name)} as a rep, a pool label and a label edited in HubSpot with no mention, reference, HTML or marker`, () => {
      const base = organisation(4);
      const head = withNora(base, name);
      head.pools[0]!.label = name;
      const routing = compareConfigs(head, base, name, "2026-12-07");
      const markdown = renderPlan(planChanges(desired, withPoolLabel(name)), "markdown", routing);
      expect(markdownLeaks(markdown, PLAN_COMMENT_MARKER)).toEqual([]);
    });
  }
});

describe("plan --base golden files: a rep joins a pool with weight 2, away the next week", () => {
  const base = organisation(6);
  const routing = compareConfigs(withNora(base), base, "main", "2026-12-07");
  const plan = planChanges(desired, withPoolLabel("Pool (edited)"));

  for (const [format, extension] of [
    ["text", "txt"],
    ["markdown", "md"],
    ["json", "json"],
  ] as const) {
    it(format, async () => {
      await expect(renderPlan(plan, format, routing)).toMatchFileSnapshot(`../golden/plan/rep-joins-pool.${extension}`);
    });
  }
});
