/**
 * The reference organisation the product tests run against: a copy of Acme Analytics' routing
 * and fixtures under `test/reference/`, laid out like an adopter's repository (`routing/index.ts`,
 * `test/fixtures/`). Product tests never read the repository's own `routing/` or `test/fixtures/`:
 * those belong to whoever adopts RouteOps and may change in any valid way (see
 * test/adoption/changed-routing.test.ts, which proves it).
 *
 * A command run with `cwd: referenceProject` finds this config and these fixtures by its defaults
 * (`routing/index.ts`, `test/fixtures`); `captureIO` uses that folder unless told otherwise.
 */
import fs from "node:fs";
import path from "node:path";

/** The repository root (the product: src/, bin/, package.json). */
export const repoRoot = path.resolve(__dirname, "..", "..");

/** The folder laid out like an adopter's repository, holding the reference organisation. */
export const referenceProject = path.join(repoRoot, "test", "reference");

/** The reference organisation's routing folder (`test/reference/routing`). */
export const referenceRouting = path.join(referenceProject, "routing");

/** Absolute path of the reference organisation's config module. */
export const referenceConfigFile = path.join(referenceRouting, "index.ts");

/** The reference fixture suite (`test/reference/test/fixtures`). */
export const referenceFixtures = path.join(referenceProject, "test", "fixtures");

/**
 * Copies the reference organisation's `routing/` into `dir/routing` (and, when asked, fixture
 * folders into `dir/test/fixtures`), so that a test can change it. The copy imports the package
 * by name (`from "routeops"`), which the config loader resolves to this repository's sources.
 */
export function copyReferenceProject(dir: string, options: { fixtures?: readonly string[] | "all" } = {}): void {
  fs.cpSync(referenceRouting, path.join(dir, "routing"), { recursive: true });
  const folders = options.fixtures === "all" ? [""] : (options.fixtures ?? []);
  for (const folder of folders) {
    fs.cpSync(path.join(referenceFixtures, folder), path.join(dir, "test", "fixtures", folder), { recursive: true });
  }
}
