/**
 * The contacts `routeops simulate` replays, from disk: a fixture folder (or file), or a JSON
 * Lines export read a chunk at a time (so that a million lines never sit in memory). Generated
 * contacts and portal samples need no file and are built by the command.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import type { RouteInput } from "../engine/types";
import { createFixtureValidator, describeProblem, parseFixtureText, toRouteInput } from "../fixtures";
import { routeInputFromLine } from "../simulate/input-line";
import { FixtureLoadError, loadFixtureSources } from "./fixture-loader";
import { RouteOpsError } from "../errors";

/** Contacts that cannot be read; the message names the file (and line) and what was expected. */
export class ContactsInputError extends RouteOpsError {
  override name = "ContactsInputError";
  constructor(message: string) {
    super("contacts_input", message);
  }
}

/** A contact to replay and where it came from. */
export interface LabelledInput {
  input: RouteInput;
  label: string;
}

/** Where `--contacts` says the contacts are. */
export type ContactsSource =
  | { kind: "fixtures"; path: string }
  | { kind: "jsonl"; path: string }
  | { kind: "generated"; count: number; seed: number; from: number; to: number }
  | { kind: "portal"; count: number };

/** Generated contacts' events fall in this window unless the source names one. */
export const GENERATED_WINDOW = { from: Date.parse("2026-01-01T00:00:00Z"), to: Date.parse("2027-01-01T00:00:00Z") };

const JSON_LINES = /\.(jsonl|ndjson)$/i;
const DAY_MS = 86_400_000;

function wholeNumber(text: string | undefined, what: string, source: string): number {
  if (text === undefined || !/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new ContactsInputError(`${source}: ${what} must be a whole number, not "${text ?? ""}"`);
  }
  return Number(text);
}

function day(text: string, source: string): number {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
  if (!Number.isFinite(at)) throw new ContactsInputError(`${source}: "${text}" is not a date (YYYY-MM-DD)`);
  return at;
}

/**
 * Reads a `--contacts` value: `generated:N[:SEED[:FROM..TO]]`, `portal:N`, a `.jsonl`/`.ndjson`
 * file, or a fixture folder or file. Throws {@link ContactsInputError} for a malformed value or a
 * path that does not exist.
 */
export function parseContactsSource(text: string, cwd: string): ContactsSource {
  if (text.startsWith("generated:")) {
    const [, countText, seedText, window, ...extra] = text.split(":");
    if (extra.length > 0) throw new ContactsInputError(`${text}: expected generated:N[:SEED[:FROM..TO]]`);
    const count = wholeNumber(countText, "the number of contacts", text);
    const seed = seedText === undefined ? 1 : wholeNumber(seedText, "the seed", text);
    let { from, to } = GENERATED_WINDOW;
    if (window !== undefined) {
      const [fromText, toText, ...more] = window.split("..");
      if (fromText === undefined || toText === undefined || more.length > 0) {
        throw new ContactsInputError(`${text}: the window must be FROM..TO (dates, YYYY-MM-DD)`);
      }
      from = day(fromText, text);
      to = day(toText, text) + DAY_MS;
      if (to <= from) throw new ContactsInputError(`${text}: the window ends before it starts`);
    }
    return { kind: "generated", count, seed, from, to };
  }
  if (text.startsWith("portal:")) {
    return { kind: "portal", count: wholeNumber(text.slice("portal:".length), "the number of contacts", text) };
  }
  let isFolder: boolean;
  try {
    isFolder = statSync(path.resolve(cwd, text)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ContactsInputError(
      code === "ENOENT"
        ? `${text}: not found (expected a fixture folder, a .jsonl file, generated:N[:SEED] or portal:N)`
        : `${text}: cannot be read (${code ?? "error"})`,
    );
  }
  return !isFolder && JSON_LINES.test(text) ? { kind: "jsonl", path: text } : { kind: "fixtures", path: text };
}

/** The source in words, for reports. */
export function describeContactsSource(source: ContactsSource): string {
  switch (source.kind) {
    case "fixtures":
      return `fixtures in ${source.path}`;
    case "jsonl":
      return `JSON Lines ${source.path}`;
    case "generated": {
      const window =
        source.from === GENERATED_WINDOW.from && source.to === GENERATED_WINDOW.to
          ? ""
          : `, ${new Date(source.from).toISOString().slice(0, 10)} to ${new Date(source.to - DAY_MS).toISOString().slice(0, 10)}`;
      return `generated, seed ${source.seed}${window}`;
    }
    case "portal":
      return `a sample of ${source.count} contacts from the HubSpot portal`;
  }
}

/**
 * Every fixture under `target` as an input, in the fixture runner's order (files by name, then
 * position). A fixture that does not fit the schema is an error naming its file and line.
 */
export function readFixtureInputs(target: string, cwd: string): LabelledInput[] {
  let sources;
  try {
    sources = loadFixtureSources(target, { cwd });
  } catch (error) {
    if (error instanceof FixtureLoadError) throw new ContactsInputError(error.message);
    throw error;
  }
  const validate = createFixtureValidator({ requireExpect: false });
  const inputs: LabelledInput[] = [];
  const problems: string[] = [];
  for (const source of sources) {
    const parsed = parseFixtureText(source);
    for (const problem of parsed.problems) problems.push(`${source.file}: ${describeProblem(problem)}`);
    for (const entry of parsed.entries) {
      const check = validate(entry.value);
      const where = `${entry.file}:${entry.line}`;
      if (!check.ok) {
        for (const problem of check.problems) {
          const segments = problem.path.split(/\.|\[|\]/).filter(Boolean);
          const line = entry.locate(segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
          problems.push(`${entry.file}:${line ?? entry.line}: ${describeProblem(problem)}`);
        }
        continue;
      }
      inputs.push({ input: toRouteInput(check.fixture), label: `${where} ${check.fixture.name}` });
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).map((p) => `  ${p}`);
    if (problems.length > 5) shown.push(`  ... and ${problems.length - 5} more`);
    throw new ContactsInputError(`fixtures in ${target} cannot be replayed:\n${shown.join("\n")}`);
  }
  if (inputs.length === 0) throw new ContactsInputError(`${target}: no fixtures found (*.yaml, *.yml, *.json)`);
  return inputs;
}

/**
 * The lines of a JSON Lines file as inputs, one at a time (blank lines skipped). The first bad
 * line stops the read with an error `file:line: what is wrong`.
 */
export function* readJsonLinesInputs(file: string, cwd: string): Generator<LabelledInput> {
  const absolute = path.resolve(cwd, file);
  let fd: number;
  try {
    fd = openSync(absolute, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ContactsInputError(code === "ENOENT" ? `${file}: not found` : `${file}: cannot be read (${code})`);
  }
  const validate = createFixtureValidator({ requireExpect: false });
  const decoder = new StringDecoder("utf8");
  const buffer = Buffer.alloc(1 << 20);
  let pending = "";
  let lineNumber = 0;
  const parse = (text: string): LabelledInput | null => {
    lineNumber++;
    const line = (lineNumber === 1 ? text.replace(/^\uFEFF/, "") : text).replace(/\r$/, "");
    if (line.trim() === "") return null;
    const parsed = routeInputFromLine(line, validate);
    if (!parsed.ok) throw new ContactsInputError(`${file}:${lineNumber}: ${parsed.message}`);
    return { input: parsed.input, label: parsed.label ?? `${file}:${lineNumber}` };
  };
  try {
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        throw new ContactsInputError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
      }
      pending += read === 0 ? decoder.end() : decoder.write(buffer.subarray(0, read));
      const lines = pending.split("\n");
      pending = read === 0 ? "" : lines.pop()!;
      for (const text of lines) {
        const item = parse(text);
        if (item) yield item;
      }
      if (read === 0) break;
    }
  } finally {
    closeSync(fd);
  }
}
