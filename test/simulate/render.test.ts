/** The simulation's renderings: Markdown that stays inert whatever the configs and contacts hold, text, JSON. */
import { describe, expect, it } from "vitest";
import type { RouteInput } from "../../src/engine";
import {
  renderSimulationJson,
  renderSimulationMarkdown,
  renderSimulationText,
  simulate,
  SIMULATION_SCHEMA,
  type SimulationReport,
} from "../../src/simulate";
import { gfmTableCells } from "../github/gfm";
import { compile, generated, reference, variant } from "./support";

const HOSTILE_RULE = "x|<img src=x onerror=alert(1)>@octocat";
const HOSTILE_FORM = "demo-request``` </details> <script>";
const context = { base: "main | <b>", head: "routing/index.ts", contacts: "fixtures in test/fixtures @team #12" };

function hostileReport(): SimulationReport {
  const head = variant((config) => {
    config.version = "2026.11.2";
    config.systems.inbound.rules.splice(1, 0, {
      id: HOSTILE_RULE,
      when: { territory: ["emea"] },
      outcome: { type: "queue", queue: "routing-desk" },
      sla: "inbound-high",
      notification: "urgent",
    });
    config.sources[0]!.matchers[0]!.formId!.push(HOSTILE_FORM);
  });
  const hostile: RouteInput = {
    at: Date.parse("2026-03-02T14:05:00Z"),
    contact: { properties: { country: "GB", state: "`|` @octocat" } },
    event: { kind: "form_submission", formId: HOSTILE_FORM },
  };
  return simulate(compile(reference), compile(head), [hostile, ...generated(400)], {
    examples: 2,
    label: (_input, index) => (index === 0 ? "<img src=y> [link](https://evil.test) @octocat" : null),
  });
}

/**
 * Markdown outside code spans and fenced blocks: what GitHub parses as Markdown and HTML. (A
 * backslash-escaped backtick opens no code span; none of the code spans here ends in a backslash.)
 */
function outsideCode(markdown: string): string {
  const withoutBlocks = markdown.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, "");
  return withoutBlocks.replace(/\\`/g, "").replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, "");
}

describe("simulation Markdown", () => {
  const report = hostileReport();
  const markdown = renderSimulationMarkdown(report, context);

  it("says how many decisions change and shows the examples with both traces", () => {
    expect(report.changed).toBeGreaterThan(0);
    expect(markdown).toMatch(/^## Impact simulation\n/);
    expect(markdown).toContain("### Decision changes");
    expect(markdown).toContain("### Examples");
    expect(markdown.match(/<details><summary>Both decisions with their traces<\/summary>/g)).toHaveLength(2);
  });

  it("keeps every table row to its columns, whatever the ids and contacts hold", () => {
    const lines = markdown.split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (!/^\| .* \|$/.test(lines[i]!) || !/^\| [-:]/.test(lines[i + 1] ?? "")) continue;
      const columns = gfmTableCells(lines[i]!).length;
      for (let j = i + 1; j < lines.length && lines[j]!.startsWith("|"); j++) {
        expect(gfmTableCells(lines[j]!), lines[j]).toHaveLength(columns);
      }
    }
  });

  it("leaves no HTML, link or mention outside code", () => {
    const parsed = outsideCode(markdown);
    expect(parsed).not.toMatch(/<(img|script|b)\b/);
    expect(parsed).not.toMatch(/\]\(https?:/);
    expect(parsed).not.toMatch(/@(octocat|team)/);
    expect(parsed).not.toMatch(/(?<!&)#12/);
    expect(markdown).toContain(`\`${HOSTILE_RULE}\``);
  });

  it("fences traces with more backticks than any run inside them", () => {
    expect(markdown).toMatch(/^````$/m);
  });
});

describe("simulation text and JSON", () => {
  const head = variant((config) => {
    config.slaPolicies.find((p) => p.id === "inbound-standard")!.target = { unit: "business_hours", amount: 2 };
  });
  const report = simulate(compile(reference), compile(head), generated(800), { examples: 1 });

  it("prints the headline, the configs compared and both traces of an example", () => {
    const text = renderSimulationText(report, { base: "main", head: "routing/index.ts", contacts: "generated" });
    expect(text).toMatch(/^Impact simulation\n/);
    expect(text).toContain("Replayed 800 contacts (generated) through the base main (version 2026.11.1)");
    expect(text).toContain(`${report.changed.toLocaleString("en-US")} decisions of 800 change`);
    expect(text).toMatch(/Due times move for [\d,]+ of [\d,]+ leads with an SLA in both \([\d,]+ earlier, 0 later/);
    expect(text).toMatch(/^1\. contact #\d+ \(rule [\w-]+\) — decision change$/m);
    expect(text).toMatch(/^- Before: rule [\w-]+ \(inbound\): /m);
    expect(text.match(/^ {6}Trace:$/gm)).toHaveLength(2);
  });

  it("is one envelope with instants as ISO date-times", () => {
    const envelope = JSON.parse(renderSimulationJson(report, { base: "main", head: "h", contacts: "generated" }));
    expect(envelope.schema).toBe(SIMULATION_SCHEMA);
    expect(envelope.contacts).toEqual({
      source: "generated",
      count: 800,
      notes: [],
      from: expect.stringMatching(/^2026-/),
      to: expect.stringMatching(/^2026-/),
    });
    expect(envelope.changed).toBe(report.changed);
    expect(envelope.sla.dueShift.earlier).toBe(report.sla.dueShift.earlier);
    const [example] = envelope.examples;
    expect(example.input.at).toMatch(/^2026-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(example.before.slaDueAt).toMatch(/^2026-\d\d-\d\dT/);
    expect(example.before.trace.length).toBeGreaterThan(0);
  });
});
