/**
 * The organisation's routing is the adopter's, the product is ours: a copy of this repository
 * whose `routing/` and `test/fixtures/` are changed the way a RevOps engineer would change them
 * (an APAC territory with its own calendar, a new rep, a new pool, a new source type, and fixtures
 * that pin them) still passes the project's checks of routing: type-check and format of routing/,
 * `routeops validate`, `routeops test`, and the product tests that used to pin the reference
 * organisation (they now read test/reference, so they must pass whatever routing/ holds).
 *
 * A second, static check keeps it that way: no file under test/ or bench/ reaches for the
 * repository's own routing/ or test/fixtures/.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/reference";

/** What a copy leaves out: installed and generated things (node_modules is linked instead). */
const NOT_COPIED = new Set(["node_modules", ".git", "dist", "coverage", ".routeops"]);

/**
 * Product test files that pinned the reference organisation before test/reference existed (a
 * sample: the static check below covers every file).
 */
const PINNING_TESTS = [
  "test/config/reference.test.ts",
  "test/config/validate-command.test.ts",
  "test/fixture-runner/reference-suite.test.ts",
  "test/fixture-runner/coverage.test.ts",
  "test/engine/reference-rules.test.ts",
];

// Each step runs a process over the whole copy; on a busy 2-core machine that takes a while.
const SLOW = 300_000;

let copy = "";

function edit(file: string, from: string, to: string): void {
  const full = path.join(copy, file);
  const text = fs.readFileSync(full, "utf8");
  if (text.split(from).length !== 2) throw new Error(`${file}: "${from}" does not occur exactly once`);
  fs.writeFileSync(full, text.replace(from, to));
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: copy, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const routeops = (...args: string[]) => run(process.execPath, [path.join(copy, "bin", "routeops.js"), ...args]);
const tool = (bin: string, ...args: string[]) =>
  run(process.execPath, [path.join(copy, "node_modules", ...bin.split("/")), ...args]);

/** Acme opens an office in Singapore: everything below is what its RevOps engineer writes. */
function adoptApac(): void {
  edit(
    "routing/calendars.ts",
    "export const calendars: CalendarConfig[] = [\n",
    `export const calendars: CalendarConfig[] = [
  {
    id: "sg",
    timeZone: "Asia/Singapore",
    weeklyHours: weekdays9to5,
    holidays: ["2026-01-01", "2026-02-17", "2026-02-18", "2026-08-10", "2026-12-25"],
  },
`,
  );
  edit(
    "routing/reps.ts",
    "export const reps: RepConfig[] = [\n",
    `export const reps: RepConfig[] = [
  { email: "mei.tan@acme.test", name: "Mei Tan", role: "AE", calendar: "sg", territories: ["apac"] },
`,
  );
  edit(
    "routing/pools.ts",
    "export const pools: PoolConfig[] = [\n",
    `export const pools: PoolConfig[] = [
  {
    id: "inbound-apac",
    label: "Inbound, APAC",
    calendar: "sg",
    members: [{ rep: "mei.tan@acme.test", weight: 1 }],
  },
`,
  );
  edit(
    "routing/territories.ts",
    "export const territories: TerritoryConfig[] = [\n",
    `export const territories: TerritoryConfig[] = [
  {
    id: "apac",
    label: "Asia-Pacific",
    matches: ["AU", "NZ", "SG"].map((country) => ({ country })),
  },
`,
  );
  edit(
    "routing/sources.ts",
    "export const sources: SourceTypeConfig[] = [\n",
    `export const sources: SourceTypeConfig[] = [
  {
    id: "inbound_partner_referral",
    label: "Inbound: partner referral",
    system: "inbound",
    intent: "high",
    matchers: [{ event: "form_submission", formId: ["partner-referral"] }],
  },
`,
  );
  edit(
    "routing/systems.ts",
    'const naPools = { "na-east": "inbound-ae-na-east", "na-west": "inbound-ae-na-west", emea: "inbound-ae-emea" };',
    `const naPools = {
  "na-east": "inbound-ae-na-east",
  "na-west": "inbound-ae-na-west",
  emea: "inbound-ae-emea",
  apac: "inbound-apac",
};`,
  );
  edit(
    "routing/systems.ts",
    'byTerritory: { "na-east": "inbound-sdr-na", "na-west": "inbound-sdr-na", emea: "inbound-sdr-emea" },',
    'byTerritory: {\n          "na-east": "inbound-sdr-na",\n          "na-west": "inbound-sdr-na",\n          emea: "inbound-sdr-emea",\n          apac: "inbound-apac",\n        },',
  );
  edit(
    "routing/systems.ts",
    'byTerritory: { "na-east": "outbound-na", "na-west": "outbound-na", emea: "outbound-emea" },',
    'byTerritory: {\n          "na-east": "outbound-na",\n          "na-west": "outbound-na",\n          emea: "outbound-emea",\n          apac: "inbound-apac",\n        },',
  );
  fs.mkdirSync(path.join(copy, "test/fixtures/apac"), { recursive: true });
  fs.writeFileSync(
    path.join(copy, "test/fixtures/apac/singapore.yaml"),
    `# APAC: Australia, New Zealand and Singapore go to the Singapore pool on Singapore's calendar.
# Wed 2026-06-17 02:00Z is 10:00 in Singapore (SGT, UTC+8).

- name: a demo request from Sydney goes to the APAC pool
  at: 2026-06-17T02:00:00Z
  contact:
    properties: { country: Australia }
  event: { kind: form_submission, formId: demo-request }
  expect:
    rule: inbound-high-intent
    pool: inbound-apac
    owner: mei.tan@acme.test
    # pool calendar sg: 10:00 SGT + 60 min = 11:00 SGT = 03:00Z
    slaDueAt: 2026-06-17T03:00:00Z

- name: a partner referral is a new high-intent source type
  at: 2026-06-17T02:00:00Z
  contact:
    properties: { country: SG }
  event: { kind: form_submission, formId: partner-referral }
  expect:
    sourceType: inbound_partner_referral
    system: inbound
    rule: inbound-high-intent
    pool: inbound-apac

- name: a contact-us form from New Zealand goes to the APAC pool as standard intent
  at: 2026-06-17T02:00:00Z
  contact:
    properties: { country: New Zealand }
  event: { kind: form_submission, formId: contact-us }
  expect:
    sourceType: inbound_general_form
    rule: inbound-standard
    pool: inbound-apac
`,
  );
}

function copyRepository(): void {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), "routeops-adopter-"));
  for (const entry of fs.readdirSync(repoRoot)) {
    if (NOT_COPIED.has(entry)) continue;
    fs.cpSync(path.join(repoRoot, entry), path.join(copy, entry), {
      recursive: true,
      filter: (source) => !NOT_COPIED.has(path.basename(source)),
    });
  }
  fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(copy, "node_modules"));
}

beforeAll(() => {
  copyRepository();
  adoptApac();
}, SLOW);

afterAll(() => {
  if (copy) fs.rmSync(copy, { recursive: true, force: true });
});

describe("a copy of the repository with its own routing/ (APAC added)", () => {
  it(
    "type-checks and keeps the format of the changed routing/ and fixtures",
    () => {
      fs.writeFileSync(
        path.join(copy, "tsconfig.routing.json"),
        JSON.stringify({ extends: "./tsconfig.json", include: ["routing"] }),
      );
      const typecheck = tool("typescript/bin/tsc", "--noEmit", "-p", "tsconfig.routing.json");
      expect(typecheck.out + typecheck.err).toBe("");
      expect(typecheck.code).toBe(0);
      const format = tool("prettier/bin/prettier.cjs", "--check", "routing", "test/fixtures");
      expect(format.err).toBe("");
      expect(format.code).toBe(0);
    },
    SLOW,
  );

  it(
    "validates with routeops validate",
    () => {
      const validate = routeops("validate");
      expect(validate.err).toBe("");
      expect(validate.out).toMatch(/^0 errors, 0 warnings$/m);
      expect(validate.code).toBe(0);
    },
    SLOW,
  );

  it(
    "passes its own fixtures, the new APAC ones included, with every rule covered",
    () => {
      const test = routeops("test", "--min-coverage", "100");
      expect(test.err).toBe("");
      expect(test.out).toMatch(/^\d+ passed, 0 failed$/m);
      expect(test.code).toBe(0);
      const apac = routeops("test", "--fixtures", "test/fixtures/apac");
      expect(apac.out).toMatch(/^3 passed, 0 failed$/m);
      expect(apac.code).toBe(0);
    },
    SLOW,
  );

  it(
    "passes the product tests that used to pin the reference organisation",
    () => {
      const vitest = tool("vitest/vitest.mjs", "run", ...PINNING_TESTS);
      const summary = (vitest.out + vitest.err).split("\n").filter((line) => /Test Files|Tests|FAIL/.test(line));
      expect(summary.join("\n")).not.toContain("FAIL");
      expect(vitest.code).toBe(0);
    },
    SLOW,
  );
});

describe("no product test or benchmark reads the repository's routing/ or test/fixtures/", () => {
  const owned = [path.join(repoRoot, "routing"), path.join(repoRoot, "test", "fixtures")];
  const inside = (file: string) => owned.some((dir) => file === dir || file.startsWith(dir + path.sep));

  function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return full === path.join(repoRoot, "test", "reference") ? [] : sources(full);
      return /\.[cm]?[jt]s$/.test(entry.name) ? [full] : [];
    });
  }

  it("imports nothing from them and joins no root path with them", () => {
    const offenders: string[] = [];
    for (const file of [...sources(path.join(repoRoot, "test")), ...sources(path.join(repoRoot, "bench"))]) {
      if (inside(file) || file === __filename) continue;
      const text = fs.readFileSync(file, "utf8");
      for (const match of text.matchAll(/(?:from\s+|import\(\s*|require\(\s*)["'](\.[^"']*)["']/g)) {
        if (inside(path.resolve(path.dirname(file), match[1]!)))
          offenders.push(`${path.relative(repoRoot, file)}: ${match[1]}`);
      }
      // A command or loader run in the repository root finds routing/ and test/fixtures/ by name.
      const rootCwd = /\bcwd:\s*(?:repoRoot|projectRoot|ROOT|root|process\.cwd\(\))\b/.test(text);
      if (rootCwd && /["'`](?:routing\/|test\/fixtures)/.test(text)) {
        offenders.push(
          `${path.relative(repoRoot, file)}: names routing/ or test/fixtures/ with the repository root as cwd`,
        );
      }
      for (const match of text.matchAll(/\b(?:repoRoot|projectRoot|ROOT|root)\s*,\s*["'](routing|test\/fixtures)\b/g)) {
        offenders.push(`${path.relative(repoRoot, file)}: joins the repository root with ${match[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
