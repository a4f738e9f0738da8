import { afterEach, describe, expect, it } from "vitest";
import { demoFixture, lastLine, runCli, tempFixtures } from "./support";
import { referenceConfigFile } from "../support/reference";

const referenceConfig = referenceConfigFile;
let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((cleanup) => cleanup());
  cleanups = [];
});

/** Fixture files in a temp folder; returns the folder, used as the working directory. */
function folder(files: Record<string, string>): string {
  const temp = tempFixtures(files);
  cleanups.push(temp.cleanup);
  return temp.dir;
}

/** `routeops test` in `cwd` with the reference config and the fixtures folder `.`. */
function test(cwd: string, args: string[] = [], env: Record<string, string> = {}) {
  return runCli(["test", "--config", referenceConfig, "--fixtures", ".", ...args], env, cwd);
}

const wrongOwner = `- name: demo request expected to go to Ava by name
  at: 2026-06-17T17:00:00Z
  contact:
    properties: { country: US, state: NY }
  event: { kind: form_submission, formId: demo-request }
  expect:
    pool: inbound-ae-na-east
    owner: ava.reed@acme.test
`;

describe("routeops test", () => {
  it("passes and exits 0 when every fixture matches", async () => {
    const cwd = folder({ "ok.yaml": demoFixture("first") + demoFixture("second") });
    const run = await test(cwd);
    expect(run.code).toBe(0);
    expect(lastLine(run.out)).toBe("2 passed, 0 failed");
  });

  it("prints a failing fixture with its file, name, mismatches and trace, and exits 1", async () => {
    const cwd = folder({ "cases.yaml": demoFixture("fine") + wrongOwner });
    const run = await test(cwd);
    expect(run.code).toBe(1);
    const lines = run.out.split("\n");
    const head = lines.findIndex((line) => line.startsWith("FAIL "));
    expect(lines[head]).toBe(`FAIL cases.yaml:${wrongOwnerLine()} demo request expected to go to Ava by name`);
    expect(lines[head + 1]).toBe("  owner: expected ava.reed@acme.test, got null");
    expect(lines[head + 2]).toBe("  trace:");
    expect(lines[head + 3]).toMatch(/^ {4}✓ source inbound_demo_request: /);
    expect(run.out).toMatch(/✓ inbound inbound-high-intent: /);
    expect(lastLine(run.out)).toBe("1 passed, 1 failed");
  });

  it("fails a fixture that does not fit the schema with its path, and runs the others", async () => {
    const broken = demoFixture("bad due time").replace("slaDueAt: 2026-06-17T18:00:00Z", "slaDueAt: soon");
    const cwd = folder({ "a.yaml": broken, "b.yaml": demoFixture("good") });
    const run = await test(cwd);
    expect(run.code).toBe(1);
    expect(run.out).toContain("FAIL a.yaml:1 bad due time\n  expect.slaDueAt: must be a date-time");
    expect(lastLine(run.out)).toBe("1 passed, 1 failed");
  });

  it("fails duplicate names across files", async () => {
    const cwd = folder({ "a.yaml": demoFixture("same"), "b.yaml": demoFixture("same") });
    const run = await test(cwd);
    expect(run.code).toBe(1);
    expect(run.out).toContain("FAIL b.yaml:1 same\n  name: duplicate fixture name, first used in a.yaml:1");
  });

  it("writes GitHub annotations at the line of the failing expect key in GitHub Actions", async () => {
    const cwd = folder({ "cases.yaml": wrongOwner });
    const ownerLine = wrongOwner.split("\n").findIndex((l) => l.includes("owner: ava")) + 1;
    const annotation =
      `::error file=cases.yaml,line=${ownerLine},title=Routing fixture failed%3A demo request expected to go to Ava by name` +
      "::owner: expected ava.reed@acme.test, got null";
    const inActions = await test(cwd, [], { GITHUB_ACTIONS: "true" });
    expect(inActions.out.split("\n")).toContain(annotation);
    const asked = await test(cwd, ["--reporter", "github"]);
    expect(asked.out.split("\n")).toContain(annotation);
    const plain = await test(cwd);
    expect(plain.out).not.toContain("::error");
    expect(lastLine(inActions.out)).toBe("0 passed, 1 failed");
  });

  it("annotates a schema error at its line and coverage below the minimum", async () => {
    const broken = demoFixture("bad due time").replace("slaDueAt: 2026-06-17T18:00:00Z", "slaDueAt: soon");
    const cwd = folder({ "a.yaml": broken });
    const run = await test(cwd, ["--reporter", "github", "--min-coverage", "50"]);
    const dueLine = broken.split("\n").findIndex((l) => l.includes("slaDueAt")) + 1;
    const lines = run.out.split("\n");
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^::error file=a\\.yaml,line=${dueLine},title=Routing fixture failed%3A bad due time::expect\\.slaDueAt: must be a date-time`,
        ),
      ),
    );
    // "%" is escaped as "%25" in workflow commands.
    expect(lines).toContain("::error title=Routing coverage::Routing coverage 0%25 is below the minimum of 50%25");
  });

  it("lists the rules no fixture reached, with the percentage", async () => {
    const cwd = folder({ "one.yaml": demoFixture("only one") });
    const run = await test(cwd);
    expect(run.out).toMatch(/Routing coverage: 7\.1% \(1 of 14 rules reached by a fixture\)/);
    expect(run.out).toContain("  not reached: inbound/inbound-account-owner");
    expect(run.out).not.toContain("not reached: inbound/inbound-high-intent");
    expect(run.out).toContain("  not reached: unclassified/unclassified");
  });

  it("fails below --min-coverage and passes at or above it", async () => {
    const cwd = folder({ "one.yaml": demoFixture("only one") });
    const below = await test(cwd, ["--min-coverage", "50"]);
    expect(below.code).toBe(1);
    expect(below.out).toContain("Routing coverage 7.1% is below --min-coverage 50%.");
    expect(lastLine(below.out)).toBe("1 passed, 0 failed");
    expect((await test(cwd, ["--min-coverage", "7"])).code).toBe(0);
  });

  it("exits 1 when no fixture ran", async () => {
    const cwd = folder({ "notes.txt": "not a fixture" });
    const run = await test(cwd);
    expect(run.code).toBe(1);
    expect(lastLine(run.out)).toBe("0 passed, 0 failed");
  });

  it("counts skipped fixtures in the summary and still passes", async () => {
    const cwd = folder({
      "a.yaml": demoFixture("runs") + demoFixture("waits", '  skip: "new territory not live yet"\n'),
    });
    const run = await test(cwd);
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      `SKIP a.yaml:${demoFixture("runs").split("\n").length} waits: new territory not live yet`,
    );
    expect(lastLine(run.out)).toBe("1 passed, 0 failed, 1 skipped");
  });

  it("exits 1 when every fixture is skipped, since none ran", async () => {
    const cwd = folder({ "a.yaml": demoFixture("waits", "  skip: later\n") });
    const run = await test(cwd);
    expect(run.code).toBe(1);
    expect(lastLine(run.out)).toBe("0 passed, 0 failed, 1 skipped");
  });

  it("runs *.yaml, *.yml and *.json files under the folder recursively, in a stable order", async () => {
    const failing = (name: string) => demoFixture(name).replace("pool: inbound-ae-na-east", "pool: nowhere");
    const cwd = folder({
      "b/x.yaml": failing("b-x"),
      "a.yml": failing("a"),
      "a/z.json": JSON.stringify({
        name: "a-z",
        at: "2026-06-17T17:00:00Z",
        contact: {},
        event: { kind: "contact_created" },
        expect: { rule: "nowhere" },
      }),
      "a/readme.md": "# not a fixture",
    });
    const run = await test(cwd);
    const failed = run.out.split("\n").filter((line) => line.startsWith("FAIL "));
    expect(failed.map((line) => line.split(" ")[1]?.split(":")[0])).toEqual(["a.yml", "a/z.json", "b/x.yaml"]);
    expect(lastLine(run.out)).toBe("0 passed, 3 failed");
  });

  it("prints one JSON envelope with results, coverage and summary", async () => {
    const cwd = folder({ "cases.yaml": demoFixture("fine") + wrongOwner });
    const run = await test(cwd, ["--format", "json"]);
    expect(run.code).toBe(1);
    const envelope = JSON.parse(run.out);
    expect(envelope.ok).toBe(false);
    expect(envelope.summary).toEqual({ passed: 1, failed: 1, skipped: 0 });
    expect(envelope.coverage.total).toBe(14);
    expect(envelope.coverage.unreached).toContain("inbound/inbound-account-owner");
    const [fine, failed] = envelope.results;
    expect(fine).toMatchObject({ name: "fine", status: "passed", file: "cases.yaml" });
    expect(fine.decision).toBeUndefined();
    expect(failed.mismatches).toEqual([
      { field: "owner", expected: "ava.reed@acme.test", actual: null, line: wrongOwnerLine() + 7 },
    ]);
    expect(failed.decision.slaDueAt).toBe("2026-06-17T18:00:00Z");
    expect(failed.decision.trace.length).toBeGreaterThan(0);
  });

  it("prints the config's diagnostics and exits 1 when the config does not validate", async () => {
    const cwd = folder({
      "routing.ts": 'export default { version: "1", calendars: [], reps: [] };\n',
      "a.yaml": demoFixture("never runs"),
    });
    const run = await runCli(["test", "--config", "routing.ts", "--fixtures", "."], {}, cwd);
    expect(run.code).toBe(1);
    expect(run.out).toContain("The routing config routing.ts does not validate; no fixture ran.");
    expect(run.out).toMatch(/^routing\.ts:1 error pools: /m);
    expect(run.out).not.toMatch(/passed, \d+ failed/);
  });

  it("says so when the fixtures folder does not exist", async () => {
    const cwd = folder({});
    const run = await runCli(["test", "--config", referenceConfig, "--fixtures", "missing"], {}, cwd);
    expect(run.code).toBe(1);
    expect(run.err).toBe("routeops test: missing: not found\n");
  });

  it.each([
    [["--format", "xml"], "--format must be text or json"],
    [["--reporter", "junit"], "--reporter must be github"],
    [["--min-coverage", "120"], "--min-coverage must be a percentage from 0 to 100"],
    [["--min-coverage", "lots"], "--min-coverage must be a percentage from 0 to 100"],
    [["--verbose"], "Unknown option '--verbose'"],
    [["extra"], "extra"],
  ])("rejects bad usage %j with exit code 2", async (args, message) => {
    const run = await runCli(["test", ...args]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
    expect(run.err).toContain("Usage: routeops test");
  });
});

/** Line where the wrongOwner fixture starts in "fine" + wrongOwner. */
function wrongOwnerLine(): number {
  return demoFixture("fine").split("\n").length;
}
