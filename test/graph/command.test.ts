import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import type { RoutingConfig } from "../../src/config";
import reference from "../reference/routing/index";
import { captureIO } from "../support/cli-io";
import { referenceProject } from "../support/reference";
import { readMermaid } from "./mermaid-model";

/** A config module with no imports, so that it loads from any folder. */
const selfContained = (config: RoutingConfig): string => `export default ${JSON.stringify(config, null, 2)};\n`;

let scratch = "";
beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "routeops-graph-"));
});
afterEach(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("routeops graph", () => {
  it("prints the reference routing as Mermaid", async () => {
    const io = captureIO({}, { cwd: referenceProject });
    expect(await main(["graph"], io)).toBe(0);
    const model = readMermaid(io.out());
    expect(model.nodes.some((node) => node.label.startsWith("inbound-fallback"))).toBe(true);
    expect(io.err()).toBe("");
  });

  it("compares with a base config given as a path and prints the changes as Markdown", async () => {
    const base = structuredClone(reference);
    base.systems.inbound.rules[1]!.sla = "inbound-standard";
    fs.writeFileSync(path.join(scratch, "base.ts"), selfContained(base));
    const io = captureIO({}, { cwd: referenceProject });
    const code = await main(["graph", "--base", path.join(scratch, "base.ts"), "--format", "markdown"], io);
    expect(io.err()).toBe("");
    expect(code).toBe(0);
    expect(io.out()).toMatch(/^### Routing graph\n\n```mermaid\n/);
    expect(io.out()).toContain("| inbound | `inbound-enterprise` | changed | SLA |");
  });

  it("refuses an unknown format and a base that is neither a file nor a ref", async () => {
    const badFormat = captureIO({}, { cwd: referenceProject });
    expect(await main(["graph", "--format", "svg"], badFormat)).toBe(2);
    expect(badFormat.err()).toContain('--format must be mermaid or markdown, not "svg"');
    const badBase = captureIO({}, { cwd: referenceProject });
    expect(await main(["graph", "--base", "no-such-ref-or-file"], badBase)).toBe(2);
    expect(badBase.err()).toContain('--base "no-such-ref-or-file" is neither a file nor a git ref');
  });

  it("says which config is missing", async () => {
    const io = captureIO({}, { cwd: scratch });
    expect(await main(["graph", "--config", "nowhere/index.ts"], io)).toBe(1);
    expect(io.err()).toContain("routeops graph: the config nowhere/index.ts is not valid:");
    expect(io.err()).toContain('no routing config at "nowhere/index.ts"');
  });
});

// Whatever the machine's git config says: no hooks, no signing, a fixed author.
const isolatedGit = [
  "-c",
  "user.name=RouteOps Test",
  "-c",
  "user.email=test@acme.test",
  "-c",
  "core.hooksPath=/dev/null",
  "-c",
  "commit.gpgsign=false",
];

describe("routeops graph --base with a git ref", () => {
  const git = (...args: string[]) =>
    execFileSync("git", [...isolatedGit, ...args], {
      cwd: scratch,
      stdio: "pipe",
    });

  /** A repository whose config imports a helper from outside its folder, as routing/ imports src/config. */
  function repositoryWith(config: RoutingConfig): void {
    git("init", "-q", "-b", "main");
    fs.mkdirSync(path.join(scratch, "lib"));
    fs.writeFileSync(path.join(scratch, "lib", "define.ts"), "export const define = <T>(config: T): T => config;\n");
    writeConfig(config);
    git("add", ".");
    git("commit", "-q", "-m", "base routing");
  }

  function writeConfig(config: RoutingConfig | string): void {
    fs.mkdirSync(path.join(scratch, "routing"), { recursive: true });
    const text =
      typeof config === "string"
        ? config
        : `import { define } from "../lib/define";\nexport default define(${JSON.stringify(config, null, 2)});\n`;
    fs.writeFileSync(path.join(scratch, "routing", "index.ts"), text);
  }

  it("reads the config folder at the ref, highlights what changed since, and cleans up after itself", async () => {
    repositoryWith(reference);
    const changed = structuredClone(reference);
    changed.systems.outbound.rules.splice(1, 1);
    writeConfig(changed);

    const io = captureIO({}, { cwd: scratch });
    const code = await main(["graph", "--base", "main"], io);
    expect(io.err()).toBe("1 routing change compared with main\n");
    expect(code).toBe(0);
    const model = readMermaid(io.out());
    const removed = model.classes.get("removed") ?? [];
    expect(model.nodes.find((node) => node.id === removed[0])?.label).toBe("outbound-caller\nremoved from outbound");

    expect(fs.readdirSync(path.join(scratch, ".routeops"))).toEqual([]);
    expect(fs.readFileSync(path.join(scratch, "lib", "define.ts"), "utf8")).toContain("export const define");
    expect(fs.existsSync(path.join(scratch, "routing", "index.ts"))).toBe(true);
  });

  it("names the file at the ref when the base config does not validate", async () => {
    repositoryWith(reference);
    writeConfig('export default { version: "1" };\n');
    git("commit", "-q", "-am", "broken routing");
    writeConfig(reference);

    const io = captureIO({}, { cwd: scratch });
    expect(await main(["graph", "--base", "HEAD"], io)).toBe(1);
    expect(io.err()).toContain("routeops graph: the config at HEAD is not valid:");
    expect(io.err()).toContain("HEAD:routing/index.ts");
    expect(io.err()).not.toContain(".routeops");
    expect(fs.readdirSync(path.join(scratch, ".routeops"))).toEqual([]);
  });

  it("says so when the config folder did not exist at the ref", async () => {
    git("init", "-q", "-b", "main");
    fs.writeFileSync(path.join(scratch, "README.md"), "no routing yet\n");
    git("add", ".");
    git("commit", "-q", "-m", "empty");
    writeConfig(selfContained(reference));

    const io = captureIO({}, { cwd: scratch });
    expect(await main(["graph", "--base", "main"], io)).toBe(1);
    expect(io.err()).toContain("--base main: routing has no files at main");
  });
});
