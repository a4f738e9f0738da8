import { afterEach, describe, expect, it } from "vitest";
import { demoFixture, runCli, tempFixtures } from "./support";
import { referenceConfigFile } from "../support/reference";

const referenceConfig = referenceConfigFile;
let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((cleanup) => cleanup());
  cleanups = [];
});

function explain(files: Record<string, string>, args: string[]) {
  const temp = tempFixtures(files);
  cleanups.push(temp.cleanup);
  return runCli(["explain", "--config", referenceConfig, ...args], {}, temp.dir);
}

const noExpect = `name: west-coast chat, what happens?
at: 2026-06-17T17:00:00Z
contact:
  properties: { country: United States, state: California }
event: { kind: chat_completed, qualified: true }
`;

describe("routeops explain", () => {
  it("explains a fixture without expect: where the lead goes, the trace and the SLA", async () => {
    const run = await explain({ "chat.yaml": noExpect }, ["chat.yaml"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("chat.yaml:1 west-coast chat, what happens?");
    expect(run.out).toContain("Routed to pool inbound-ae-na-west");
    expect(run.out).toMatch(/✓ inbound inbound-high-intent: /);
    expect(run.out).toContain("SLA: inbound-high, due 2026-06-17T18:00:00Z");
    expect(run.out).not.toContain("Expectation");
  });

  it("says when the decision matches the expect block", async () => {
    const run = await explain({ "demo.yaml": demoFixture("east demo") }, ["demo.yaml"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("Expectation: matches.");
  });

  it("lists the mismatches and exits 1 when the decision does not match", async () => {
    const wrong = demoFixture("east demo").replace("pool: inbound-ae-na-east", "pool: inbound-ae-emea");
    const run = await explain({ "demo.yaml": wrong }, ["demo.yaml"]);
    expect(run.code).toBe(1);
    expect(run.out).toContain("Expectation: does not match.\n  pool: expected inbound-ae-emea, got inbound-ae-na-east");
  });

  it("explains only the fixture named with --fixture", async () => {
    const file = demoFixture("first") + demoFixture("second");
    const run = await explain({ "two.yaml": file }, ["two.yaml", "--fixture", "second"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("two.yaml:10 second");
    expect(run.out).not.toContain("two.yaml:1 first");
  });

  it("explains every fixture of a file by default", async () => {
    const run = await explain({ "two.yaml": demoFixture("first") + demoFixture("second") }, ["two.yaml"]);
    expect(run.out.match(/^Routed to /gm)).toHaveLength(2);
  });

  it("names the fixtures of the file when --fixture matches none", async () => {
    const run = await explain({ "two.yaml": demoFixture("first") + demoFixture("second") }, [
      "two.yaml",
      "--fixture",
      "third",
    ]);
    expect(run.code).toBe(1);
    expect(run.err).toBe('routeops explain: two.yaml has no fixture named "third"; it has: first; second\n');
  });

  it("reports a fixture that does not fit the format instead of routing it", async () => {
    const run = await explain({ "bad.yaml": noExpect.replace("qualified: true", "qualified: maybe") }, ["bad.yaml"]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      "Not routed: the fixture does not fit the format.\n  event.qualified: must be true or false",
    );
  });

  it("prints JSON with the decision and whether it matches", async () => {
    const run = await explain({ "demo.yaml": demoFixture("east demo") }, ["demo.yaml", "--format", "json"]);
    expect(run.code).toBe(0);
    const envelope = JSON.parse(run.out);
    expect(envelope.ok).toBe(true);
    expect(envelope.fixtures[0]).toMatchObject({ name: "east demo", matches: true, mismatches: [] });
    expect(envelope.fixtures[0].decision).toMatchObject({
      pool: "inbound-ae-na-east",
      slaDueAt: "2026-06-17T18:00:00Z",
    });
  });

  it("says when the file does not exist", async () => {
    const run = await explain({}, ["nope.yaml"]);
    expect(run.code).toBe(1);
    expect(run.err).toBe("routeops explain: nope.yaml: not found\n");
  });

  it("needs exactly one file", async () => {
    expect((await runCli(["explain"])).code).toBe(2);
    expect((await runCli(["explain", "a.yaml", "b.yaml"])).err).toContain("give exactly one fixture file");
  });
});
