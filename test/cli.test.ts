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

describe("an unknown option", () => {
  it("suggests the nearest option of that command, exit 2", async () => {
    const io = captureIO();
    expect(await main(["validate", "--cofig", "routing/index.ts"], io)).toBe(2);
    expect(io.err()).toContain("routeops validate: Unknown option '--cofig'. Did you mean '--config'?");
  });

  it("lists the command's options when none is near", async () => {
    const io = captureIO();
    expect(await main(["why", "--frobnicate", "1"], io)).toBe(2);
    expect(io.err()).toContain("routeops why: Unknown option '--frobnicate'. Options: --data-dir, --format, --help.");
  });
});
