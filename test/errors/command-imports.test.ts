import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const commandsDir = path.resolve(__dirname, "../../src/cli/commands");

/** The relative imports of a module, resolved to absolute paths without extension. */
function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import\()\s*["'](\.[^"']+)["']/g)].map((m) =>
    path.resolve(path.dirname(file), m[1]!).replace(/\.ts$/, ""),
  );
}

describe("a thin CLI over the use-case layer", () => {
  it("no command module imports another command module (shared work belongs in src/usecases)", () => {
    const modules = readdirSync(commandsDir).filter((name) => name.endsWith(".ts") && name !== "index.ts");
    const commandPaths = new Set(modules.map((name) => path.join(commandsDir, name.replace(/\.ts$/, ""))));
    const offenders = modules.flatMap((name) =>
      imports(path.join(commandsDir, name))
        .filter((target) => commandPaths.has(target))
        .map((target) => `${name} imports ${path.basename(target)}`),
    );
    expect(offenders).toEqual([]);
  });

  it("the demo imports no command and nothing else of the CLI: it calls use cases and reads their typed results", () => {
    const cli = path.resolve(__dirname, "../../src/cli");
    const demoDir = path.resolve(__dirname, "../../src/demo");
    const files = [
      ...readdirSync(demoDir, { recursive: true, encoding: "utf8" })
        .filter((name) => name.endsWith(".ts"))
        .map((name) => path.join(demoDir, name)),
      path.resolve(__dirname, "../../src/usecases/demo.ts"),
    ];
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((file) =>
      imports(file)
        .filter((target) => target === cli || target.startsWith(cli + path.sep))
        .map((target) => `${path.relative(demoDir, file)} imports ${path.relative(cli, target) || "src/cli"}`),
    );
    expect(offenders).toEqual([]);
  });

  it("no use case imports the CLI", () => {
    const dir = path.resolve(__dirname, "../../src/usecases");
    const cli = path.resolve(__dirname, "../../src/cli");
    const offenders = readdirSync(dir)
      .filter((name) => name.endsWith(".ts"))
      .flatMap((name) =>
        imports(path.join(dir, name))
          .filter((target) => target.startsWith(cli + path.sep))
          .map((target) => `${name} imports ${path.relative(dir, target)}`),
      );
    expect(offenders).toEqual([]);
  });
});
