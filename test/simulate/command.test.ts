/** `routeops simulate` as a command: bases, contact sources, formats, and what it says when something is wrong. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import type { RoutingConfig } from "../../src/config";
import { ISOLATED_GIT_ENV, routingRepository } from "../pr-report/repository";
import { variant } from "./support";
import { referenceProject } from "../support/reference";

let scratch = "";
beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "routeops-simulate-"));
});
afterEach(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

async function simulate(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  let out = "";
  let err = "";
  const io: CliIO = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: options.env ?? {},
    cwd: options.cwd ?? referenceProject,
  };
  const code = await main(["simulate", ...args], io);
  return { code, out, err };
}

/** A config module with no imports, so that it loads from any folder. */
function writeConfig(name: string, config: RoutingConfig): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, `export default ${JSON.stringify(config, null, 2)};\n`);
  return file;
}

describe("routeops simulate", () => {
  it("compares the config with a base path over generated contacts, as JSON", async () => {
    const head = writeConfig(
      "head.ts",
      variant((config) => {
        config.pools[1]!.members[0]!.weight = 3;
      }),
    );
    const { code, out, err } = await simulate([
      "--config",
      head,
      "--base",
      "routing/index.ts",
      "--contacts",
      "generated:3000:5",
      "--format",
      "json",
      "--examples",
      "1",
      "--at",
      "2026-03-04",
    ]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const envelope = JSON.parse(out);
    expect(envelope.contacts.count).toBe(3000);
    expect(envelope.contacts.source).toBe("generated, seed 5");
    expect(envelope.base.source).toBe("routing/index.ts");
    const pool = envelope.pools.find((p: { pool: string }) => p.pool === "inbound-ae-na-west");
    const ben = pool.members.find((m: { rep: string }) => m.rep === "ben.ortiz@acme.test");
    expect(ben.after).toBeGreaterThan(ben.before);
    expect(envelope.examples).toHaveLength(1);
    expect(envelope.examples[0].label).toMatch(/^generated contact #\d+$/);
    expect(envelope.examples[0].kind).toBe("pool-change");
    expect(envelope.examples[0].why.after).toMatch(/^rule [\w-]+ \(inbound\): .*pool inbound-ae-na-west/);
    // The week of --at and the next, with Ben's expected share of the west pool before -> after.
    expect(envelope.expectedShares.weeks).toEqual(["2026-03-02", "2026-03-09"]);
    const west = envelope.expectedShares.pools.find((p: { pool: string }) => p.pool === "inbound-ae-na-west");
    const benShare = west.reps.find((r: { rep: string }) => r.rep === "ben.ortiz@acme.test");
    expect(benShare.before.share).toBeCloseTo(0.5);
    expect(benShare.after.share).toBeCloseTo(0.75);
    expect(envelope.expectedShares.names["ben.ortiz@acme.test"]).toBe("Ben Ortiz (ben.ortiz@acme.test)");
  });

  it("prints text by default and Markdown on request", async () => {
    const text = await simulate(["--base", "routing/index.ts"]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Impact simulation\n-+\n\nReplayed \d+ contacts \(fixtures in test\/fixtures\) through/);
    expect(text.out).toContain("No decision changes");
    const markdown = await simulate(["--base", "routing/index.ts", "--format", "markdown"]);
    expect(markdown.out).toMatch(/^## Impact simulation\n/);
  });

  it("stops at a bad JSON Lines line, naming the file and line, and prints no report", async () => {
    const good = { at: "2026-03-02T14:05:00Z", contact: {}, event: { kind: "contact_created" } };
    const file = path.join(scratch, "contacts.jsonl");
    fs.writeFileSync(
      file,
      [JSON.stringify(good), JSON.stringify(good), '{"at": 1, "contact": {}, "evnt": {}}'].join("\n"),
    );
    const { code, out, err } = await simulate(["--base", "routing/index.ts", "--contacts", file]);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toMatch(new RegExp(`^routeops simulate: ${file.replace(/[.]/g, "\\.")}:3: `));
    expect(err).not.toMatch(/\n\s+at /);
  });

  it("reports a head config that does not validate with its diagnostics", async () => {
    const broken = path.join(scratch, "broken.ts");
    fs.writeFileSync(broken, 'export default { version: "1" };\n');
    const { code, err } = await simulate(["--config", broken, "--base", "routing/index.ts"]);
    expect(code).toBe(1);
    expect(err).toContain(`routeops simulate: the config ${broken} is not valid:`);
    expect(err).toMatch(/\d+ errors?, \d+ warnings?\n$/);
  });

  it("refuses bad usage with exit code 2", async () => {
    const base = ["--base", "routing/index.ts"];
    const cases: [string[], string][] = [
      [[...base, "--format", "xml"], '--format must be text, markdown or json, not "xml"'],
      [[...base, "--examples", "51"], '--examples must be a whole number from 0 to 50, not "51"'],
      [
        [...base, "--contacts", "generated:many"],
        "--contacts generated:many: the number of contacts must be a whole number",
      ],
      [["--base", "no-such-ref-or-file"], '--base "no-such-ref-or-file" is neither a file nor a git ref'],
      [[...base, "--bogus"], "Unknown option '--bogus'"],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await simulate(args);
      expect(code, args.join(" ")).toBe(2);
      expect(err).toContain(message);
    }
  });

  it("needs a HubSpot token for a portal sample", async () => {
    const { code, err } = await simulate(["--base", "routing/index.ts", "--contacts", "portal:10"]);
    expect(code).toBe(2);
    expect(err).toContain("--contacts portal:N needs a HubSpot token: set HUBSPOT_ACCESS_TOKEN");
  });
});

describe("routeops simulate in a git repository", () => {
  beforeAll(() => {
    vi.stubEnv("GIT_CONFIG_GLOBAL", ISOLATED_GIT_ENV.GIT_CONFIG_GLOBAL);
    vi.stubEnv("GIT_CONFIG_NOSYSTEM", ISOLATED_GIT_ENV.GIT_CONFIG_NOSYSTEM);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it("compares with the merge base of HEAD and main by default", async () => {
    const repo = routingRepository(["inbound"]);
    try {
      repo.git("checkout", "-q", "-b", "west-weights");
      repo.edit(
        "routing/pools.ts",
        '{ rep: "ben.ortiz@acme.test", weight: 1 }',
        '{ rep: "ben.ortiz@acme.test", weight: 4 }',
      );
      repo.commit("Ben takes more of the west");
      const mergeBase = repo.git("merge-base", "HEAD", "main").trim();
      const { code, out, err } = await simulate(["--contacts", "generated:2000", "--format", "json"], {
        cwd: repo.dir,
      });
      expect(err).toBe("");
      expect(code).toBe(0);
      const envelope = JSON.parse(out);
      expect(envelope.base.source).toBe(`merge base with main (${mergeBase.slice(0, 7)})`);
      expect(envelope.changed).toBeGreaterThan(0);
      // Ben's weight changed: his pool deals its leads differently, and nothing else changes.
      expect(envelope.poolMemberChanges).toBe(envelope.changed);
      expect(envelope.decisionChanges).toBe(0);
      expect(fs.readdirSync(path.join(repo.dir, ".routeops"))).toEqual([]);
    } finally {
      repo.remove();
    }
  });

  it("says how to give a base when there is no main branch to merge from", async () => {
    const repo = routingRepository([]);
    try {
      repo.git("branch", "-m", "main", "trunk");
      const { code, err } = await simulate(["--contacts", "generated:10"], { cwd: repo.dir });
      expect(code).toBe(1);
      expect(err).toContain("no --base given, and the default base (the merge base of HEAD with origin/main or main)");
      expect(err).toContain("pass --base REF or --base PATH");
    } finally {
      repo.remove();
    }
  });
});
