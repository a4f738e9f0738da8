/**
 * `routeops demo --keep-running`: the emulator stays up with the deployed routing until stopped,
 * and the demo says how other commands reach it (a connection file readable by the user only),
 * without printing the token.
 */
import { access, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDemoCommand } from "../../src/cli/commands/demo";
import { captureIO, DEMO_NOW, KNOWN_TOKEN, routerModeFlows, scratchFolder } from "./support";

let scratch: string | undefined;

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("routeops demo --keep-running", () => {
  it("keeps the emulator answering with the deployed workflows until stopped, through the connection file", async () => {
    scratch = await scratchFolder();
    const io = captureIO({ ROUTEOPS_EMULATOR_TOKEN: KNOWN_TOKEN });
    let connection = "";
    let file = "";
    let workflows: string[] = [];
    let mode = 0;
    const command = createDemoCommand({
      waitForStop: async () => {
        file = /\. (\S+\.env); set \+a/.exec(io.out())?.[1] ?? "";
        connection = await readFile(file, "utf8");
        mode = (await stat(file)).mode & 0o777;
        const env = Object.fromEntries(
          connection
            .trim()
            .split("\n")
            .map((line) => line.split("=", 2) as [string, string]),
        );
        const answer = await fetch(`${env.HUBSPOT_BASE_URL}/automation/v4/flows`, {
          headers: { authorization: `Bearer ${env.HUBSPOT_ACCESS_TOKEN}` },
        });
        workflows = ((await answer.json()) as { results: { name: string }[] }).results.map((flow) => flow.name);
      },
    });
    const argv = ["--out", path.join(scratch, "reports"), "--contacts", "50", "--leads", "5", "--now", DEMO_NOW];
    const code = await command.run([...argv, "--keep-running"], io);

    expect(code).toBe(0);
    expect(connection).toMatch(/^HUBSPOT_BASE_URL=http:\/\/127\.0\.0\.1:\d+\nHUBSPOT_ACCESS_TOKEN=/);
    expect(connection).toContain(`HUBSPOT_ACCESS_TOKEN=${KNOWN_TOKEN}\n`);
    expect(mode).toBe(0o600);
    // Router mode (the default): the capture workflows, and the touch workflows that keep the latest outbound touch.
    expect([...workflows].sort()).toEqual(routerModeFlows());
    expect(io.out()).toMatch(
      /The emulator keeps running at http:\/\/127\.0\.0\.1:\d+ with the deployed routing, and the router at http:\/\/127\.0\.0\.1:\d+\./,
    );
    expect(io.out()).toMatch(/Emulator stopped after \d+ requests\./);
    expect(io.out()).not.toContain(KNOWN_TOKEN);
    await expect(access(file)).rejects.toThrow();
  }, 300_000);
});
