/**
 * `routeops demo --keep-running`: the emulator stays up with the deployed routing until stopped,
 * and the demo says how other commands reach it (a connection file readable by the user only),
 * without printing the token.
 */
import { access, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import routing from "../reference/routing/index";
import { createDemoCommand } from "../../src/cli/commands/demo";
import { MANAGED_FLOWS } from "../../src/deploy/managed-names";
import type { EventKind } from "../../src/config/types";
import { EVENT_TYPES, TOUCH_EVENT_TYPES } from "../../src/hubspot-contract";
import { captureIO, DEMO_NOW, KNOWN_TOKEN, scratchFolder } from "./support";

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
    const managed = [
      // No flow for events HubSpot raises no workflow event for (chats, list imports).
      ...(Object.keys(MANAGED_FLOWS.source) as EventKind[])
        .filter((kind) => EVENT_TYPES[kind].eventTypeId !== null)
        .map((kind) => MANAGED_FLOWS.source[kind]),
      ...routing.reengagement.touchKinds
        .filter((kind) => TOUCH_EVENT_TYPES[kind].eventTypeId !== null)
        .map((kind) => MANAGED_FLOWS.touch[kind]),
      MANAGED_FLOWS.reengagement,
      MANAGED_FLOWS.inbound,
      MANAGED_FLOWS.outbound,
    ];
    expect([...workflows].sort()).toEqual(managed.sort());
    expect(io.out()).toMatch(/The emulator keeps running at http:\/\/127\.0\.0\.1:\d+ with the deployed routing/);
    expect(io.out()).toMatch(/Emulator stopped after \d+ requests\./);
    expect(io.out()).not.toContain(KNOWN_TOKEN);
    await expect(access(file)).rejects.toThrow();
  });
});
