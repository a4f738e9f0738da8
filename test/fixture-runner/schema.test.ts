import { describe, expect, it } from "vitest";
import {
  createFixtureValidator,
  parseFixtureText,
  runFixtureSuite,
  toRouteInput,
  type FixtureProblem,
} from "../../src/fixtures";
import type { RoutingConfig } from "../../src/config/types";
import { decision } from "./support";

const validate = createFixtureValidator();
const config = {
  reengagement: { rules: [] },
  systems: { inbound: { rules: [] }, outbound: { rules: [] } },
  unclassified: { rule: "unclassified" },
} as unknown as RoutingConfig;

/** Problems of a one-file run, with a router that always answers the same. */
function problemsOf(text: string, file = "case.yaml"): FixtureProblem[] {
  const suite = runFixtureSuite([{ file, text }], { config, validate, route: () => decision() });
  return suite.results.flatMap((result) => result.problems);
}

/** 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in the text`);
  return index + 1;
}

const valid = `name: a valid fixture
at: 2026-06-17T17:00:00Z
contact:
  properties: { country: US }
event:
  kind: form_submission
  formId: demo-request
expect:
  rule: inbound-high-intent
`;

describe("fixture schema errors", () => {
  it("accepts a fixture that fits the format", () => {
    expect(problemsOf(valid)).toEqual([]);
  });

  it("names the path and the line of a bad expect.slaDueAt", () => {
    const text = valid.replace(
      "  rule: inbound-high-intent",
      "  rule: inbound-high-intent\n  slaDueAt: tomorrow at nine",
    );
    const [problem, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(problem?.path).toBe("expect.slaDueAt");
    expect(problem?.message).toMatch(/^must be a date-time/);
    expect(problem?.line).toBe(lineOf(text, "slaDueAt"));
  });

  it("rejects a date-time without a zone or offset", () => {
    const problems = problemsOf(valid.replace("at: 2026-06-17T17:00:00Z", "at: 2026-06-17T17:00:00"));
    expect(problems.map((p) => p.path)).toEqual(["at"]);
  });

  it("says which key an event kind requires", () => {
    const text = valid.replace("  kind: form_submission\n  formId: demo-request", "  kind: chat_completed");
    expect(problemsOf(text)).toEqual([
      { path: "event.qualified", message: "is required for a chat_completed event", line: lineOf(text, "event:") },
    ]);
  });

  it("rejects a key that the event kind does not have and lists the allowed ones", () => {
    const text = valid.replace("  formId: demo-request", "  formId: demo-request\n  qualified: true");
    const [problem] = problemsOf(text);
    expect(problem?.path).toBe("event.qualified");
    expect(problem?.message).toBe(
      "is not a known key for a form_submission event (expected one of: kind, formId, pageUrl, fields)",
    );
    expect(problem?.line).toBe(lineOf(text, "qualified"));
  });

  it("lists the event kinds when the kind is unknown", () => {
    const [problem, ...rest] = problemsOf(valid.replace("kind: form_submission", "kind: webinar_attended"));
    expect(rest).toEqual([]);
    expect(problem?.path).toBe("event.kind");
    expect(problem?.message).toContain("must be one of: form_submission, meeting_booked, chat_completed");
  });

  it("reports a missing event kind once", () => {
    const problems = problemsOf(valid.replace("  kind: form_submission\n", ""));
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual(["event.kind: is required"]);
  });

  it("requires at least one key in expect", () => {
    const text = valid.replace("expect:\n  rule: inbound-high-intent\n", "expect: {}\n");
    const [problem] = problemsOf(text);
    expect(problem?.path).toBe("expect");
    expect(problem?.message).toMatch(/^must have at least one key/);
  });

  it("catches a misspelt top-level key and the missing one it stands for", () => {
    const text = valid.replace("expect:", "expected:");
    expect(problemsOf(text).map((p) => p.path)).toEqual(["expect", "expected"]);
  });

  it("rejects an unknown expect key with its line", () => {
    const text = valid.replace(
      "  rule: inbound-high-intent",
      "  rule: inbound-high-intent\n  ownr: ava.reed@acme.test",
    );
    const [problem] = problemsOf(text);
    expect(problem?.path).toBe("expect.ownr");
    expect(problem?.line).toBe(lineOf(text, "ownr"));
  });

  it("allows null for sourceType, slaPolicy, slaDueAt and owner but not for system", () => {
    const nullable = valid.replace(
      "  rule: inbound-high-intent",
      "  sourceType: null\n  slaPolicy: null\n  slaDueAt: null\n  owner: null",
    );
    expect(problemsOf(nullable)).toEqual([]);
    const [problem] = problemsOf(valid.replace("  rule: inbound-high-intent", "  system: null"));
    expect(problem?.path).toBe("expect.system");
    expect(problem?.message).toBe("must be one of: inbound, outbound, reengagement, unclassified");
  });

  it("points at the touch inside the history list", () => {
    const text = valid.replace(
      "  properties: { country: US }",
      "  properties: { country: US }\n  history:\n    - { kind: call, owner: a@b.test, at: 2026-01-01T00:00:00Z }\n    - { kind: email, owner: a@b.test, at: 2026-01-02T00:00:00Z }",
    );
    const [problem] = problemsOf(text);
    expect(problem?.path).toBe("contact.history[1].kind");
    expect(problem?.message).toBe("must be one of: sequence_enrollment, call, event");
    expect(problem?.line).toBe(lineOf(text, "kind: email"));
  });

  it("rejects a number where expect wants an id (numbers become strings only in property maps)", () => {
    const [problem] = problemsOf(valid.replace("rule: inbound-high-intent", "rule: 42"));
    expect(problem).toMatchObject({ path: "expect.rule", message: "must be a string" });
  });

  it("gives each fixture of a sequence its own problems and line", () => {
    const second = valid.replace("name: a valid fixture", "name: second").replace("formId: demo-request", "formId: ''");
    const text = [valid, second].map((f) => "- " + f.trimEnd().split("\n").join("\n  ")).join("\n");
    const route = () => decision({ rule: "inbound-high-intent" });
    const suite = runFixtureSuite([{ file: "seq.yaml", text }], { config, validate, route });
    expect(suite.results.map((r) => [r.name, r.status, r.line])).toEqual([
      ["a valid fixture", "passed", 1],
      ["second", "failed", lineOf(text, "name: second")],
    ]);
    expect(suite.results[1]?.problems).toEqual([
      { path: "event.formId", message: "must not be empty", line: lineOf(text, "formId: ''") },
    ]);
  });
});

describe("fixture files that cannot be read", () => {
  it("reports a YAML syntax error with its line instead of crashing", () => {
    const text = valid.replace("  rule: inbound-high-intent", "  rule: [unclosed");
    const [problem] = problemsOf(text);
    expect(problem?.message).toMatch(/^cannot be read: /);
    expect(problem?.line).toBeGreaterThanOrEqual(lineOf(text, "unclosed"));
  });

  it("rejects a key written twice", () => {
    const text = valid.replace("name: a valid fixture", "name: a valid fixture\nname: again");
    const [problem] = problemsOf(text);
    expect(problem?.message).toMatch(/^cannot be read: .*unique/i);
    expect(problem?.line).toBe(lineOf(text, "name: again"));
  });

  it("reports an empty file and a file holding a plain value", () => {
    expect(problemsOf("# only a comment\n")[0]?.message).toMatch(/holds no fixture/);
    expect(problemsOf("just some words\n")[0]?.message).toMatch(/must hold a fixture/);
    expect(problemsOf("[]\n")[0]?.message).toMatch(/empty sequence/);
  });

  it("reads JSON fixtures and locates their errors too", () => {
    const text = JSON.stringify(
      {
        name: "json fixture",
        at: "2026-06-17T17:00:00Z",
        contact: {},
        event: { kind: "contact_created" },
        expect: { notification: "loud" },
      },
      null,
      2,
    );
    const [problem] = problemsOf(text, "case.json");
    expect(problem?.path).toBe("expect.notification");
    expect(problem?.line).toBe(lineOf(text, '"notification"'));
  });
});

describe("YAML reading", () => {
  it("keeps unquoted timestamps as strings", () => {
    const [entry] = parseFixtureText({ file: "t.yaml", text: valid }).entries;
    expect(typeof (entry?.value as { at: unknown }).at).toBe("string");
  });

  it("keeps unquoted timestamps as strings even in a file that declares YAML 1.1", () => {
    const [entry] = parseFixtureText({ file: "t.yaml", text: `%YAML 1.1\n---\n${valid}` }).entries;
    expect((entry?.value as { at: unknown }).at).toBe("2026-06-17T17:00:00Z");
    expect(validate(entry?.value).ok).toBe(true);
  });

  it("turns unquoted numbers and booleans in property maps into the text written", () => {
    const text = valid
      .replace("properties: { country: US }", "properties: { country: US, score: 007, opted_in: true }")
      .replace("  formId: demo-request", "  formId: demo-request\n  fields: { seats: 1.50 }");
    const [entry] = parseFixtureText({ file: "t.yaml", text }).entries;
    const value = entry?.value as { contact: { properties: object }; event: { fields: object } };
    expect(value.contact.properties).toEqual({ country: "US", score: "007", opted_in: "true" });
    expect(value.event.fields).toEqual({ seats: "1.50" });
    expect(validate(value).ok).toBe(true);
  });

  it("does not accept a null property value", () => {
    const [problem] = problemsOf(valid.replace("properties: { country: US }", "properties: { country: US, state: }"));
    expect(problem).toMatchObject({ path: "contact.properties.state", message: "must be a string" });
  });
});

describe("fixture to engine input", () => {
  it("converts instants to epoch milliseconds, honouring offsets", () => {
    const input = toRouteInput({
      at: "2026-06-17T13:00:00-04:00",
      contact: { history: [{ kind: "call", owner: "a@b.test", at: "2026-06-17T18:30:00+01:30" }] },
      event: { kind: "contact_created" },
    });
    expect(input.at).toBe(Date.UTC(2026, 5, 17, 17, 0));
    expect(input.contact.history?.[0]?.at).toBe(Date.UTC(2026, 5, 17, 17, 0));
  });

  it("copies the contact, its company and the event's fields", () => {
    const input = toRouteInput({
      at: "2026-06-17T17:00:00Z",
      contact: {
        email: "a@b.test",
        properties: { country: "US" },
        company: { domain: "b.test", owner: "ava.reed@acme.test", properties: { numberofemployees: "10" } },
      },
      event: { kind: "list_import", importSource: "event:x", owner: "jade.wilson@acme.test" },
    });
    expect(input.contact).toEqual({
      email: "a@b.test",
      properties: { country: "US" },
      company: { domain: "b.test", owner: "ava.reed@acme.test", properties: { numberofemployees: "10" } },
    });
    expect(input.event).toEqual({ kind: "list_import", importSource: "event:x", owner: "jade.wilson@acme.test" });
  });
});

describe("the explain validator", () => {
  it("lets expect be absent but still checks it when present", () => {
    const explainValidate = createFixtureValidator({ requireExpect: false });
    const [entry] = parseFixtureText({ file: "t.yaml", text: valid.replace(/expect:[\s\S]*$/, "") }).entries;
    expect(explainValidate(entry?.value).ok).toBe(true);
    expect(validate(entry?.value).ok).toBe(false);
    const [bad] = parseFixtureText({
      file: "t.yaml",
      text: valid.replace("rule: inbound-high-intent", "rul: x"),
    }).entries;
    expect(explainValidate(bad?.value).ok).toBe(false);
  });
});
