/** Facts about this package read from its package.json (two levels up, in dist/ as in src/). */
import fs from "node:fs";
import path from "node:path";

/** The package's version, as npm installed it. */
export function packageVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "package.json"), "utf8")) as {
    version?: unknown;
  };
  return typeof manifest.version === "string" ? manifest.version : "0.0.0";
}
