import { describe, expect, it } from "vitest";
import { renderJson, AUDIT_JSON_SCHEMA } from "../../src/audit/render/json";
import { renderMarkdown } from "../../src/audit/render/markdown";
import { mermaidLabel, pieChart } from "../../src/audit/render/mermaid";
import { renderText } from "../../src/audit/render/text";
import { failedChecks, parseFailOn } from "../../src/audit/fail-on";
import { auditMarker } from "../../src/audit/marker";
import { at, audit, contact, routed } from "./audit-fixtures";

const hostileName = "<img src=x onerror=alert(1)> @octocat [click](https://evil.test) | cell\nnext line";
const hostileSource = "```\n<script>alert(1)</script>";

const report = audit([
  contact(
    {
      createdate: "2026-11-20T10:00:00Z",
      firstname: hostileName,
      lastname: "\u001b[31mred",
      hs_analytics_source: "OFFLINE",
      hs_analytics_source_data_1: 'IMPORT" : 99\n  "x',
      hs_analytics_source_data_2: hostileSource,
    },
    "77",
  ),
  contact(routed("inbound", "demo", "2026-11-17T15:00:00Z", { hubspot_owner_id: "1" })),
]);

describe("audit Markdown", () => {
  const markdown = renderMarkdown(report, { marker: auditMarker("4242") });

  it("puts the hidden marker first", () => {
    expect(markdown.startsWith("<!-- routeops:audit portal=4242 -->\n")).toBe(true);
  });

  it("shows drift before every other section", () => {
    expect(markdown.indexOf("## Drift")).toBeGreaterThan(0);
    expect(markdown.indexOf("## Drift")).toBeLessThan(markdown.indexOf("## Unified view"));
  });

  it("lets no HTML, link, mention or line break from a contact through", () => {
    expect(markdown).not.toMatch(/<img|<script/i);
    expect(markdown).not.toContain("@octocat");
    expect(markdown).not.toContain("](https://evil.test)");
    expect(markdown).not.toContain("\u001b");
    // The example's table row stays one row: every pipe in it is ours or escaped.
    const row = markdown.split("\n").find((line) => line.includes("onerror"));
    expect(row).toBeDefined();
    expect(row?.replace(/\\\|/g, "").split("|")).toHaveLength(9);
  });

  it("links examples into HubSpot by record id", () => {
    expect(markdown).toContain("[77](https://app.hubspot.com/contacts/4242/record/0-1/77)");
  });

  it("keeps contact data out of Mermaid syntax", () => {
    const pie = markdown.slice(markdown.indexOf("pie showData"));
    const pieBlock = pie.slice(0, pie.indexOf("```"));
    expect(pieBlock).toContain('"OFFLINE / IMPORT 99 x / scriptalert1/scr" : 1');
    expect(pieBlock.split("\n").filter((line) => line.includes(":"))).toHaveLength(1);
  });

  it("draws a bar chart of each system's leads per day", () => {
    expect(markdown).toContain('title "Inbound leads per day"');
    expect(markdown).not.toContain('title "Outbound leads per day"');
  });
});

describe("Mermaid labels", () => {
  it("reduce to a safe alphabet and never come out empty", () => {
    expect(mermaidLabel('a"b<c>d`e\nf')).toBe("abcde f");
    expect(mermaidLabel("%%{init}%%")).toBe("init");
    expect(mermaidLabel("###")).toBe("unnamed");
  });

  it("keep two slices apart when their labels reduce to the same text", () => {
    expect(
      pieChart("t", [
        { label: "a<", value: 1 },
        { label: "a>", value: 2 },
      ]),
    ).toContain('"a 2" : 2');
  });
});

describe("audit text", () => {
  const text = renderText(report);

  it("strips terminal control sequences from contact data", () => {
    expect(text).not.toContain("\u001b");
  });

  it("keeps contact data on one line", () => {
    expect(text).toContain("``` <script>alert(1)</script>");
  });
});

describe("audit JSON", () => {
  it("wraps the report in one envelope", () => {
    const parsed = JSON.parse(
      renderJson({
        schema: AUDIT_JSON_SCHEMA,
        status: "ok",
        exitCode: 0,
        failOn: [],
        failed: [],
        apiCalls: 3,
        report,
        error: null,
      }),
    );
    expect(parsed).toMatchObject({ schema: "routeops.audit/v1", status: "ok", exitCode: 0, apiCalls: 3, error: null });
    // The model keeps what the contact typed; only renderers escape it.
    expect(parsed.report.unclassified.groups[0].examples[0].name).toBe(`${hostileName} \u001b[31mred`);
  });
});

describe("--fail-on", () => {
  it("parses any subset and rejects unknown checks", () => {
    expect(parseFailOn("sla, drift,sla")).toEqual(["sla", "drift"]);
    expect(() => parseFailOn("drift,speed")).toThrow(
      /unknown check "speed"; expected a comma-separated list of drift, unclassified, sla/,
    );
  });

  it("fails the checks that found something", () => {
    // One unclassified contact; Dan (owner 4) is a deactivated pool member: one drift item; no SLA due.
    expect(failedChecks(report, ["drift", "unclassified", "sla"])).toEqual(["drift", "unclassified"]);
  });
});

describe("audit Markdown charts", () => {
  it("chart a long window by 7-day periods", () => {
    const long = audit(
      [
        contact(routed("inbound", "demo", "2026-01-01T15:00:00Z")),
        contact(routed("inbound", "demo", "2026-01-07T15:00:00Z")),
        contact(routed("inbound", "demo", "2026-01-08T15:00:00Z")),
      ],
      { window: { from: at("2026-01-01T00:00:00Z"), to: at("2026-04-01T00:00:00Z") }, now: at("2026-04-01T00:00:00Z") },
    );
    const markdown = renderMarkdown(long);
    expect(markdown).toContain("### Leads per 7 days (UTC)");
    // 90 days: 13 periods; 1-7 Jan holds two leads, 8-14 Jan one.
    expect(markdown).toMatch(/x-axis \["2026-01-01", "2026-01-08", .*"2026-03-26"\]/);
    expect(markdown).toContain("bar [2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]");
  });
});
