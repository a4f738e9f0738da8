import { describe, expect, it } from "vitest";
import {
  MANAGED_PROPERTIES,
  PLAN_COMMENT_MARKER,
  PLAN_SCHEMA,
  planChanges,
  renderPlanJson,
  renderPlanMarkdown,
  renderPlanText,
  type LiveFlow,
  type LiveState,
} from "../../src/deploy";
import { compile, emptyLive, readBack } from "./support";

const desired = compile();
const deployed = readBack(desired);

function withPoolLabel(label: string): LiveState {
  return {
    ...deployed,
    properties: deployed.properties.map((p) => (p.name === MANAGED_PROPERTIES.pool ? { ...p, label } : p)),
  };
}

function withOldFlow(): LiveState {
  const old = { ...(structuredClone(deployed.flows[0]) as LiveFlow), id: "7777", name: "RouteOps: old routing" };
  return { ...withPoolLabel("Pool (edited)"), flows: [...deployed.flows, old] };
}

const lastLine = (text: string) => text.trimEnd().split("\n").at(-1);
const legendOf = (text: string) => {
  const lines = text.split("\n");
  const start = lines.indexOf("Resource actions are indicated with the following symbols:");
  return start < 0 ? [] : lines.slice(start + 1, lines.indexOf("", start));
};

describe("text plan", () => {
  it("shows a legend with only the symbols the plan uses: creates only", () => {
    expect(legendOf(renderPlanText(planChanges(desired, emptyLive())))).toEqual(["  + create"]);
  });

  it("shows a legend with only the symbols the plan uses: an update and a destroy", () => {
    expect(legendOf(renderPlanText(planChanges(desired, withOldFlow())))).toEqual([
      "  ~ update in-place",
      "  - destroy",
    ]);
  });

  it("ends with terraform's summary line", () => {
    expect(lastLine(renderPlanText(planChanges(desired, emptyLive())))).toBe(
      `Plan: ${1 + desired.properties.length + desired.flows.length} to add, 0 to change, 0 to destroy.`,
    );
    expect(lastLine(renderPlanText(planChanges(desired, withOldFlow())))).toBe(
      "Plan: 0 to add, 1 to change, 1 to destroy.",
    );
  });

  it("says there is nothing to do when the portal matches, and shows no legend", () => {
    const text = renderPlanText(planChanges(desired, deployed));
    expect(lastLine(text)).toBe("No changes. Your HubSpot portal matches the configuration.");
    expect(legendOf(text)).toEqual([]);
  });

  it("shows each changed field as from -> to under its object, and the drift first", () => {
    const text = renderPlanText(planChanges(desired, withPoolLabel("Pool (edited)")));
    expect(text).toContain(
      `  # property ${MANAGED_PROPERTIES.pool} will be updated in-place\n  ~ property ${MANAGED_PROPERTIES.pool}\n      ~ label: "Pool (edited)" -> "Routing pool"\n`,
    );
    expect(text.indexOf("was changed outside RouteOps (label)")).toBeLessThan(text.indexOf("RouteOps will perform"));
  });

  it("lists the warnings before the summary line", () => {
    const text = renderPlanText(planChanges(desired, deployed));
    const warnings = text.indexOf("Warnings (where HubSpot cannot do exactly what the engine does):");
    expect(warnings).toBeGreaterThan(0);
    expect(text.indexOf("  - sla_calendar_time: ")).toBeGreaterThan(warnings);
    expect(text.indexOf("No changes.")).toBeGreaterThan(text.indexOf("  - sla_calendar_time: "));
  });
});

describe("Markdown plan", () => {
  const hostile = "<img src=x onerror=alert(1)> | **bold** [link](http://x) @team `code`";

  it("escapes what comes from the portal: HTML, table pipes, emphasis, links, mentions, code", () => {
    const markdown = renderPlanMarkdown(planChanges(desired, withPoolLabel(hostile)));
    expect(markdown).not.toContain("<img");
    expect(markdown).toContain("&lt;img src\\=x onerror\\=alert\\(1\\)&gt;");
    expect(markdown).not.toMatch(/[^\\]\|\s\*\*bold/);
    expect(markdown).toContain("\\*\\*bold\\*\\*");
    expect(markdown).toContain("\\[link\\]\\(http:\u200b//x\\)");
    // A backslash does not stop a GitHub mention; a zero-width space after the @ does.
    expect(markdown).toContain("@\u200bteam");
    expect(markdown).not.toMatch(/@team/);
    expect(markdown).toContain("\\`code\\`");
  });

  it("escapes the names of unmanaged workflows it reports", () => {
    const stranger = {
      ...(structuredClone(deployed.flows[0]) as LiveFlow),
      id: "5",
      name: "RouteOps <b>x</b>",
      description: "hand-made",
    };
    const markdown = renderPlanMarkdown(planChanges(desired, { ...deployed, flows: [...deployed.flows, stranger] }));
    expect(markdown).toContain("RouteOps &lt;b&gt;x&lt;/b&gt;");
    expect(markdown).not.toContain("<b>");
  });

  it("starts with the hidden marker that lets the comment be updated in place, and carries the summary", () => {
    const markdown = renderPlanMarkdown(planChanges(desired, withOldFlow()));
    expect(markdown.startsWith(`${PLAN_COMMENT_MARKER}\n`)).toBe(true);
    expect(markdown).toContain("**Plan: 0 to add, 1 to change, 1 to destroy\\.**");
  });
});

describe("JSON plan", () => {
  it("is one stable envelope with the summary, items and warnings", () => {
    const plan = planChanges(desired, withOldFlow());
    const text = renderPlanJson(plan);
    expect(renderPlanJson(plan)).toBe(text);
    const envelope = JSON.parse(text);
    expect(Object.keys(envelope)).toEqual([
      "schema",
      "status",
      "configVersion",
      "mode",
      "computedFor",
      "summary",
      "fingerprint",
      "items",
      "drift",
      "warnings",
    ]);
    expect(envelope).toMatchObject({
      schema: PLAN_SCHEMA,
      status: "changes",
      configVersion: "2026.11.1",
      mode: "workflows",
      summary: { add: 0, change: 1, destroy: 1 },
    });
    const pool = envelope.items.find((i: { key: string }) => i.key === MANAGED_PROPERTIES.pool);
    expect(pool.changes).toEqual([{ path: "label", from: "Pool (edited)", to: "Routing pool" }]);
    expect("desired" in pool).toBe(false);
  });

  it("writes absent values as null and includes the bodies to write when asked", () => {
    const envelope = JSON.parse(renderPlanJson(planChanges(desired, emptyLive()), { includeBodies: true }));
    const group = envelope.items[0];
    expect(group).toMatchObject({
      kind: "group",
      action: "create",
      id: null,
      reason: null,
      desired: { name: "routeops" },
    });
    expect(envelope.status).toBe("changes");
  });

  it("says no-changes when the portal matches", () => {
    expect(JSON.parse(renderPlanJson(planChanges(desired, deployed))).status).toBe("no-changes");
  });
});
