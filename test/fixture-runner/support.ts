/** Helpers shared by the fixture runner's tests (not a test file itself). */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import type { Decision, TraceStep } from "../../src/engine/types";
import { captureIO } from "../support/cli-io";
import { referenceProject } from "../support/reference";

/** Runs `routeops ARGS` in-process (in the reference project unless told otherwise); returns the exit code and what it printed. */
export async function runCli(args: string[], env: Record<string, string | undefined> = {}, cwd = referenceProject) {
  const io = captureIO(env, { cwd });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

/** A temporary folder with the given files (relative path -> text); `cleanup` removes it. */
export function tempFixtures(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "routeops-fixtures-"));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The last non-empty line of an output. */
export function lastLine(text: string): string {
  const lines = text.trimEnd().split("\n");
  return lines[lines.length - 1] ?? "";
}

/** A decision with every field set to "nothing", to be overridden by the test. */
export function decision(overrides: Partial<Decision> = {}): Decision {
  return {
    sourceType: null,
    system: "unclassified",
    rule: "unclassified",
    intent: null,
    country: null,
    state: null,
    territory: null,
    segment: null,
    owner: null,
    pool: null,
    queue: null,
    nurture: null,
    rotationPick: null,
    collaborator: null,
    reengagement: false,
    originalRep: null,
    slaPolicy: null,
    slaDueAt: null,
    slaCalendar: null,
    notification: "none",
    trace: [] as TraceStep[],
    ...overrides,
  };
}

/** A passing demo request fixture for the reference config, as YAML (New York, east AE pool). */
export function demoFixture(name: string, extra = ""): string {
  return `- name: ${name}
  at: 2026-06-17T17:00:00Z
  contact:
    properties: { country: US, state: NY }
  event: { kind: form_submission, formId: demo-request }
  expect:
    rule: inbound-high-intent
    pool: inbound-ae-na-east
    slaDueAt: 2026-06-17T18:00:00Z
${extra}`;
}
