import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { captureIO } from "./support/cli-io";

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

describe("routeops help", () => {
  it("help <command> prints that command's usage, exit 0", async () => {
    const io = captureIO();
    expect(await main(["help", "plan"], io)).toBe(0);
    expect(io.out()).toContain("Usage: routeops plan");
  });

  it("an unknown command suggests the nearest one", async () => {
    const io = captureIO();
    expect(await main(["plna"], io)).toBe(2);
    expect(io.err()).toContain('unknown command "plna". Did you mean "plan"?');
  });

  it("help for an unknown command suggests the nearest one", async () => {
    const io = captureIO();
    expect(await main(["help", "simulte"], io)).toBe(2);
    expect(io.err()).toContain('Did you mean "simulate"?');
  });
});
