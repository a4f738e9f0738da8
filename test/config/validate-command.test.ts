import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { createEmulatorCommand } from "../../src/cli/commands/emulator";
import { captureIO } from "../support/cli-io";
import { ConfigFolder } from "./config-folder";

let folders: ConfigFolder[] = [];
function folder(): ConfigFolder {
  const created = new ConfigFolder();
  folders.push(created);
  return created;
}
afterEach(() => {
  folders.forEach((f) => f.remove());
  folders = [];
});

describe("a config that never finishes loading", () => {
  it("stops validate and emulator --seed with an error naming the file, instead of hanging", async () => {
    const f = folder();
    f.edit("routing/pools.ts", "export const queues", "for (;;) {\n  // loops at import\n}\nexport const queues");
    const saved = process.env.ROUTEOPS_CONFIG_TIMEOUT_MS;
    process.env.ROUTEOPS_CONFIG_TIMEOUT_MS = "1000";
    try {
      const validate = captureIO({}, { cwd: f.cwd });
      expect(await main(["validate"], validate)).toBe(1);
      // The file whose code was running at the deadline: pools.ts once it runs, or index.ts (its
      // importer) while jiti is still transpiling pools.ts, which a busy machine can stretch past 1 s.
      expect(validate.out()).toMatch(/^routing\/(pools|index)\.ts error: loading routing\/(pools|index)\.ts /m);
      expect(validate.out()).toContain("did not finish within 1 s");
      expect(validate.out()).toContain("[config_load_timeout]");

      const emulator = captureIO({}, { cwd: f.cwd });
      const started = createEmulatorCommand(async () => undefined);
      expect(await started.run(["--seed", "reference"], emulator)).toBe(1);
      expect(emulator.err()).toContain("routeops emulator: cannot seed from");
      expect(emulator.err()).toContain("did not finish within 1 s");
      expect(emulator.out()).not.toContain("ready at");
    } finally {
      if (saved === undefined) delete process.env.ROUTEOPS_CONFIG_TIMEOUT_MS;
      else process.env.ROUTEOPS_CONFIG_TIMEOUT_MS = saved;
    }
  });
});

describe("routeops validate", () => {
  it("exits 0 for the reference organisation, reading routing/index.ts by default", async () => {
    const io = captureIO({}, { cwd: folder().cwd });
    expect(await main(["validate"], io)).toBe(0);
    expect(io.out()).toBe("0 errors, 0 warnings\n");
    expect(io.err()).toBe("");
  });

  it("exits 1 on an error and prints file:line, path, message and code", async () => {
    const f = folder();
    f.edit(
      "routing/pools.ts",
      '{ rep: "farid.haddad@acme.test", weight: 1 }',
      '{ rep: "farid.hadad@acme.test", weight: 1 }',
    );
    const io = captureIO({}, { cwd: f.cwd });
    expect(await main(["validate"], io)).toBe(1);
    const line = f.lineOf("routing/pools.ts", "farid.hadad");
    expect(io.out()).toBe(
      `routing/pools.ts:${line} error pools.inbound-ae-emea.members[1].rep: unknown rep "farid.hadad@acme.test"; did you mean "farid.haddad@acme.test"? [unknown_rep]\n1 error, 0 warnings\n`,
    );
  });

  it("exits 0 when there are only warnings, and prints them", async () => {
    const f = folder();
    f.edit(
      "routing/reps.ts",
      'role: "outbound hunter",\n    calendar: "uk",',
      'role: "outbound hunter",\n    calendar: "uk",\n    replacedBy: "jade.wilson@acme.test",',
    );
    const io = captureIO({}, { cwd: f.cwd });
    expect(await main(["validate"], io)).toBe(0);
    expect(io.out()).toContain("[replacement_on_active_rep]\n0 errors, 1 warning\n");
  });

  it("takes another config with --config and prints one JSON envelope with --format json", async () => {
    const f = folder();
    f.write("other/routing.ts", 'export default { version: "1" };\n');
    const io = captureIO({}, { cwd: f.cwd });
    expect(await main(["validate", "--config", "other/routing.ts", "--format", "json"], io)).toBe(1);
    const envelope = JSON.parse(io.out());
    expect(envelope).toMatchObject({ ok: false, warnings: 0 });
    expect(envelope.errors).toBe(envelope.diagnostics.length);
    expect(envelope.diagnostics[0]).toMatchObject({
      code: "invalid_shape",
      path: "calendars",
      file: "other/routing.ts",
    });
  });

  it("exits 1 with a clear message when the config file does not exist", async () => {
    const io = captureIO({}, { cwd: folder().cwd });
    expect(await main(["validate", "--config", "routes.ts"], io)).toBe(1);
    expect(io.out()).toBe(
      'error: no routing config at "routes.ts"; tried routes.ts [config_not_found]\n1 error, 0 warnings\n',
    );
  });

  it("writes GitHub annotations when GITHUB_ACTIONS is true", async () => {
    const f = folder();
    f.edit(
      "routing/slas.ts",
      'target: { unit: "business_hours", amount: 4 }',
      'target: { unit: "business_hours", amount: -4 }',
    );
    const io = captureIO({ GITHUB_ACTIONS: "true" }, { cwd: f.cwd });
    expect(await main(["validate"], io)).toBe(1);
    const line = f.lineOf("routing/slas.ts", "amount: -4");
    expect(io.out()).toBe(
      `::error file=routing/slas.ts,line=${line},col=${f.columnOf("routing/slas.ts", "amount: -4")},title=RouteOps invalid_sla_amount::slaPolicies.inbound-standard.target.amount: SLA amount -4 is not positive: an SLA target is a positive number of business hours\n1 error, 0 warnings\n`,
    );
  });

  it("writes annotations to stderr with --reporter github --format json, keeping stdout one JSON document", async () => {
    const f = folder();
    f.edit(
      "routing/slas.ts",
      'target: { unit: "business_hours", amount: 4 }',
      'target: { unit: "business_hours", amount: 0 }',
    );
    const io = captureIO({}, { cwd: f.cwd });
    expect(await main(["validate", "--reporter", "github", "--format", "json"], io)).toBe(1);
    expect(JSON.parse(io.out()).errors).toBe(1);
    expect(io.err()).toMatch(/^::error file=routing\/slas\.ts,line=\d+,col=\d+,title=RouteOps invalid_sla_amount::/);
  });

  it("exits 2 on an unknown option or format, with the usage", async () => {
    const cwd = folder().cwd;
    const io = captureIO({}, { cwd: cwd });
    expect(await main(["validate", "--strict"], io)).toBe(2);
    expect(io.err()).toContain("Usage: routeops validate");
    const io2 = captureIO({}, { cwd: cwd });
    expect(await main(["validate", "--format", "yaml"], io2)).toBe(2);
    expect(io2.err()).toContain('--format must be text or json, not "yaml"');
    const io3 = captureIO({}, { cwd: cwd });
    expect(await main(["validate", "--reporter", "junit"], io3)).toBe(2);
    const io4 = captureIO({}, { cwd: cwd });
    expect(await main(["validate", "routing/index.ts"], io4)).toBe(2);
  });

  it("prints its usage with --help", async () => {
    const io = captureIO({}, { cwd: folder().cwd });
    expect(await main(["validate", "--help"], io)).toBe(0);
    expect(io.out()).toContain("--format FORMAT");
  });
});
