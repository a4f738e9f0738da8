/** Reading the contacts to replay: JSON Lines exports, fixture folders, and the `--contacts` syntax. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ContactsInputError,
  GENERATED_WINDOW,
  parseContactsSource,
  readFixtureInputs,
  readJsonLinesInputs,
} from "../../src/files/contacts-input";
import { referenceProject } from "../support/reference";

let dir = "";
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "routeops-contacts-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const demo = {
  at: "2026-03-02T14:05:00Z",
  contact: { email: "ana@globex.example", properties: { country: "US", state: "CA" } },
  event: { kind: "form_submission", formId: "demo-request" },
};

function writeLines(name: string, lines: string[]): string {
  fs.writeFileSync(path.join(dir, name), lines.join("\n"));
  return name;
}

const readAll = (file: string) => [...readJsonLinesInputs(file, dir)];

describe("JSON Lines contacts", () => {
  it("reads one contact per line, skips blank lines, takes epoch milliseconds and labels", () => {
    const file = writeLines("export.jsonl", [
      "\uFEFF" + JSON.stringify(demo),
      "",
      JSON.stringify({
        label: "HubSpot contact 901",
        at: Date.parse("2026-03-03T10:00:00Z"),
        contact: {
          history: [{ kind: "call", owner: "jade.wilson@acme.test", at: Date.parse("2025-12-01T10:00:00Z") }],
        },
        event: { kind: "chat_completed", qualified: true },
      }) + "\r",
      "   ",
    ]);
    const items = readAll(file);
    expect(items.map((item) => item.label)).toEqual(["export.jsonl:1", "HubSpot contact 901"]);
    expect(items[0]!.input).toEqual({
      at: Date.parse("2026-03-02T14:05:00Z"),
      contact: { email: "ana@globex.example", properties: { country: "US", state: "CA" } },
      event: { kind: "form_submission", formId: "demo-request" },
    });
    expect(items[1]!.input.at).toBe(Date.parse("2026-03-03T10:00:00Z"));
    expect(items[1]!.input.contact.history).toEqual([
      { kind: "call", owner: "jade.wilson@acme.test", at: Date.parse("2025-12-01T10:00:00Z") },
    ]);
  });

  it("reads a file larger than its read buffer, with lines split across chunks", () => {
    const lines = Array.from({ length: 6_000 }, (_, i) =>
      JSON.stringify({ ...demo, label: `contact ${i} ${"x".repeat(i % 300)}` }),
    );
    const file = writeLines("big.jsonl", lines);
    expect(fs.statSync(path.join(dir, file)).size).toBeGreaterThan(1 << 20);
    const items = readAll(file);
    expect(items).toHaveLength(6_000);
    expect(items[5_999]!.label).toBe(`contact 5999 ${"x".repeat(5_999 % 300)}`);
  });

  it("stops at the first bad line and names the file and line: a key the format does not have", () => {
    const file = writeLines("bad.jsonl", [
      JSON.stringify(demo),
      JSON.stringify({ ...demo, contact: { ...demo.contact, company: { ownr: "ava.reed@acme.test" } } }),
      JSON.stringify(demo),
    ]);
    expect(() => readAll(file)).toThrow(ContactsInputError);
    expect(() => readAll(file)).toThrow(/^bad\.jsonl:2: contact\.company\.ownr: is not a known key/);
  });

  it("names the line of broken JSON, of a line that is not an object, and of a bad instant", () => {
    const broken = writeLines("broken.jsonl", [JSON.stringify(demo), '{"at": "2026-03-02T14:05:00Z",']);
    expect(() => readAll(broken)).toThrow(/^broken\.jsonl:2: not valid JSON/);
    const array = writeLines("array.jsonl", ["[1, 2]"]);
    expect(() => readAll(array)).toThrow("array.jsonl:1: expected an object with at, contact and event, got an array");
    const when = writeLines("when.jsonl", ["", JSON.stringify({ ...demo, at: "yesterday" })]);
    expect(() => readAll(when)).toThrow(/^when\.jsonl:2: at: must be a date-time/);
    const label = writeLines("label.jsonl", [JSON.stringify({ ...demo, label: 7 })]);
    expect(() => readAll(label)).toThrow("label.jsonl:1: label: must be a string, got a number");
  });

  it("replays exported events that lack a field fixtures require, but not fields of the wrong type", () => {
    const file = writeLines("export.jsonl", [
      JSON.stringify({ at: demo.at, contact: {}, event: { kind: "sequence_reply", sequence: "q4-outbound" } }),
      JSON.stringify({ at: demo.at, contact: {}, event: { kind: "list_import", importSource: "" } }),
      JSON.stringify({ at: demo.at, contact: {}, event: { kind: "call_logged", owner: 42 } }),
    ]);
    const read = readJsonLinesInputs(file, dir);
    expect(read.next().value!.input.event).toEqual({ kind: "sequence_reply", sequence: "q4-outbound" });
    expect(read.next().value!.input.event).toEqual({ kind: "list_import", importSource: "" });
    expect(() => read.next()).toThrow("export.jsonl:3: event.owner: must be a string");
  });

  it("says when the file is missing", () => {
    expect(() => readAll("nowhere.jsonl")).toThrow("nowhere.jsonl: not found");
  });
});

describe("fixture folders as contacts", () => {
  it("reads every fixture of the reference suite, labelled with file, line and name", () => {
    const items = readFixtureInputs("test/fixtures", referenceProject);
    expect(items.length).toBeGreaterThan(50);
    expect(items[0]!.label).toMatch(/^test\/fixtures\/[\w/-]+\.ya?ml:\d+ \S/);
  });

  it("refuses a fixture that does not fit the schema, naming its file and line", () => {
    fs.writeFileSync(
      path.join(dir, "a.yaml"),
      ["name: fine", "at: 2026-03-02T14:05:00Z", "contact: {}", "event:", "  kind: contact_created", ""].join("\n"),
    );
    fs.writeFileSync(
      path.join(dir, "b.yaml"),
      [
        "name: broken",
        "at: 2026-03-02T14:05:00Z",
        "contact:",
        "  emial: x@y.z",
        "event:",
        "  kind: contact_created",
      ].join("\n"),
    );
    expect(() => readFixtureInputs(".", dir)).toThrow(
      /^fixtures in \. cannot be replayed:\n {2}b\.yaml:4: contact\.emial: is not a known key/,
    );
  });
});

describe("--contacts syntax", () => {
  it("reads generated, portal, JSON Lines and fixture sources", () => {
    fs.writeFileSync(path.join(dir, "x.jsonl"), "");
    expect(parseContactsSource("generated:500", dir)).toEqual({
      kind: "generated",
      count: 500,
      seed: 1,
      ...GENERATED_WINDOW,
    });
    expect(parseContactsSource("generated:10:7:2026-03-01..2026-03-31", dir)).toEqual({
      kind: "generated",
      count: 10,
      seed: 7,
      from: Date.parse("2026-03-01T00:00:00Z"),
      to: Date.parse("2026-04-01T00:00:00Z"),
    });
    expect(parseContactsSource("portal:200", dir)).toEqual({ kind: "portal", count: 200 });
    expect(parseContactsSource("x.jsonl", dir)).toEqual({ kind: "jsonl", path: "x.jsonl" });
    expect(parseContactsSource(".", dir)).toEqual({ kind: "fixtures", path: "." });
  });

  it("rejects malformed values with what was expected", () => {
    expect(() => parseContactsSource("generated:lots", dir)).toThrow(
      'generated:lots: the number of contacts must be a whole number, not "lots"',
    );
    expect(() => parseContactsSource("generated:5:1:2026-03-01", dir)).toThrow("the window must be FROM..TO");
    expect(() => parseContactsSource("generated:5:1:2026-03-09..2026-03-01", dir)).toThrow("ends before it starts");
    expect(() => parseContactsSource("portal:", dir)).toThrow("portal:: the number of contacts must be a whole number");
    expect(() => parseContactsSource("missing/folder", dir)).toThrow(
      "missing/folder: not found (expected a fixture folder, a .jsonl file, generated:N[:SEED] or portal:N)",
    );
  });
});
