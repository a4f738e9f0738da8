import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import type { CliIO } from "../src/cli/io";

export function captureIO(
  env: Record<string, string | undefined> = {},
): CliIO & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env,
    cwd: process.cwd(),
    out: () => out,
    err: () => err,
  };
}

describe("routeops CLI", () => {
  it("prints help and exits 0 with --help", async () => {
    const io = captureIO();
    expect(await main(["--help"], io)).toBe(0);
    expect(io.out()).toContain("Usage: routeops <command>");
  });

  it("rejects an unknown command with exit code 2", async () => {
    const io = captureIO();
    expect(await main(["frobnicate"], io)).toBe(2);
    expect(io.err()).toContain('unknown command "frobnicate"');
  });
});
