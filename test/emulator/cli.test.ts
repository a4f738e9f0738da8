import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { createEmulatorCommand } from "../../src/cli/commands/emulator";
import { captureIO } from "../support/cli-io";

/** Runs the command; `whileRunning` gets the printed base URL and token, and its end stops the emulator. */
async function runEmulator(
  argv: string[],
  whileRunning: (ready: { baseUrl: string; token: string; output: string }) => Promise<void>,
  env: Record<string, string | undefined> = {},
) {
  const io = captureIO(env);
  let release: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (release = resolve));
  let problem: unknown;
  const command = createEmulatorCommand(async () => {
    const output = io.out();
    const baseUrl = /ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!;
    const token = /^Token: (\S+)$/m.exec(output)![1]!;
    await whileRunning({ baseUrl, token, output }).catch((error) => (problem = error));
    release();
    await stopped;
  });
  const code = await command.run(argv, io);
  if (problem) throw problem;
  return { code, io };
}

describe("routeops emulator", () => {
  it("prints its base URL and token once when ready, serves until stopped, and exits 0", async () => {
    const { code, io } = await runEmulator(["--no-rate-limit"], async ({ baseUrl, token, output }) => {
      const answer = await fetch(`${baseUrl}/crm/v3/owners`, { headers: { authorization: `Bearer ${token}` } });
      expect(answer.status).toBe(200);
      expect(output.split(token)).toHaveLength(2);
      expect(output).toContain("Rate limits: off");
    });
    expect(code).toBe(0);
    expect(io.out()).toMatch(/Emulator stopped after 1 requests\./);
  });

  it("seeds owners and contacts from the routing config with --seed reference", async () => {
    await runEmulator(
      ["--seed", "reference", "--contacts", "200", "--seed-number", "3"],
      async ({ baseUrl, token, output }) => {
        expect(output).toContain("Portal: 13 owners (1 archived), 200 contacts");
        const answer = await fetch(`${baseUrl}/crm/v3/owners?email=ivan.petrov@acme.test&archived=true`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = (await answer.json()) as {
          results: { firstName: string; lastName: string; teams: { name: string }[] }[];
        };
        expect(body.results[0]).toMatchObject({
          firstName: "Ivan",
          lastName: "Petrov",
          teams: [{ name: "outbound hunter" }],
        });
      },
    );
  });

  it("takes the token from ROUTEOPS_EMULATOR_TOKEN", async () => {
    await runEmulator(
      [],
      async ({ token }) => {
        expect(token).toBe("env-token-123456");
      },
      { ROUTEOPS_EMULATOR_TOKEN: "env-token-123456" },
    );
  });

  it("refuses bad usage", async () => {
    const command = createEmulatorCommand(async () => undefined);
    for (const argv of [
      ["--port", "x"],
      ["--contacts", "10"],
      ["--seed", "random"],
      ["--fault-rate", "2"],
      ["--bogus"],
    ]) {
      await expect(command.run(argv, captureIO())).rejects.toBeInstanceOf(UsageError);
    }
  });

  it("is registered: `routeops emulator --help` prints its usage", async () => {
    const io = captureIO();
    expect(await main(["emulator", "--help"], io)).toBe(0);
    expect(io.out()).toContain("Usage: routeops emulator");
  });

  it("reports a broken state file without a stack trace, exit 1", async () => {
    const io = captureIO();
    const command = createEmulatorCommand(async () => undefined);
    const code = await command.run(["--state", "package.json"], io);
    expect(code).toBe(1);
    expect(io.err()).toMatch(/^routeops emulator: package\.json: not an emulator state file: format/);
    expect(io.err()).not.toContain("    at ");
  });
});
