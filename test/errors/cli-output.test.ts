import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { commands } from "../../src/cli/commands";
import { main } from "../../src/cli/main";
import { REDACTED } from "../../src/secrets";
import { captureIO } from "../support/cli-io";

const HUBSPOT = "hub-secret-0f3a9c";
const GITHUB = "gh-secret-77d1e2";
const scratch = mkdtempSync(path.join(tmpdir(), "routeops-redaction-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Commands that take --config; each is pointed at a missing file whose path holds both secrets. */
const withConfig = Object.keys(commands).filter((name) => !["emulator", "why", "init"].includes(name));

describe("every command's output goes through the one redactor", () => {
  it.each(withConfig)("routeops %s never prints the tokens, even when they are in a path it names", async (name) => {
    const config = path.join(scratch, `${HUBSPOT}-${GITHUB}`, "index.ts");
    const io = captureIO(
      { HUBSPOT_ACCESS_TOKEN: HUBSPOT, GITHUB_TOKEN: GITHUB, HUBSPOT_BASE_URL: "http://127.0.0.1:9" },
      { cwd: scratch },
    );
    const extra: Record<string, string[]> = {
      demo: ["--out", path.join(scratch, "demo-out")],
      explain: [path.join(scratch, "lead.yaml")],
    };
    await main([name, "--config", config, ...(extra[name] ?? [])], io);
    const output = io.out() + io.err();
    expect(output).not.toContain(HUBSPOT);
    expect(output).not.toContain(GITHUB);
    expect(output).toContain(REDACTED);
  });

  it("routeops init never prints the tokens, even when they are in the folder it scaffolds", async () => {
    const dir = path.join(scratch, `init-${HUBSPOT}-${GITHUB}`);
    const io = captureIO({ HUBSPOT_ACCESS_TOKEN: HUBSPOT, GITHUB_TOKEN: GITHUB }, { cwd: scratch });
    await main(["init", dir], io);
    const output = io.out() + io.err();
    expect(output).not.toContain(HUBSPOT);
    expect(output).not.toContain(GITHUB);
    expect(output).toContain(REDACTED);
  });
});
