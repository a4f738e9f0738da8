/**
 * Installing the packed `routeops` tarball into a project without the internet: the project's
 * package.json names the tarball (`file:...tgz`) and a package-lock.json lists the tarball and
 * the package's dependency tree, taken from this repository's lock (its entries that are not
 * dev-only are exactly the package's dependencies). `npm ci --offline` then installs it the way
 * npm installs any package, every dependency coming from the npm cache by its integrity, and
 * fails (ENOTCACHED) rather than reach the registry.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
  license?: string;
  dependencies?: Record<string, string>;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
  [key: string]: unknown;
}

interface Lockfile {
  packages: Record<string, LockEntry>;
}

/**
 * Points `project`'s package.json at `tarball` (in `dependencies` or, when the project already
 * lists routeops there, `devDependencies`) and writes the package-lock.json that `npm ci` needs.
 */
export function lockPackedInstall(options: { repoRoot: string; tarball: string; project: string }): void {
  const { repoRoot, tarball, project } = options;
  const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, "package-lock.json"), "utf8")) as Lockfile;
  const own = lock.packages[""]!;
  const manifestFile = path.join(project, "package.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as {
    name: string;
    version: string;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const field = manifest.devDependencies?.routeops !== undefined ? "devDependencies" : "dependencies";
  const dev = field === "devDependencies";
  const spec = `file:${path.relative(project, tarball)}`;
  manifest[field] = { ...manifest[field], routeops: spec };
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + "\n");

  const packages: Record<string, LockEntry> = {
    "": {
      name: manifest.name,
      version: manifest.version,
      ...(manifest.dependencies ? { dependencies: manifest.dependencies } : {}),
      ...(manifest.devDependencies ? { devDependencies: manifest.devDependencies } : {}),
    },
    "node_modules/routeops": {
      version: own.version!,
      resolved: spec,
      integrity: `sha512-${crypto.createHash("sha512").update(fs.readFileSync(tarball)).digest("base64")}`,
      ...(dev ? { dev: true } : {}),
      ...(own.license ? { license: own.license } : {}),
      ...(own.dependencies ? { dependencies: own.dependencies } : {}),
      ...(own.bin ? { bin: own.bin } : {}),
      ...(own.engines ? { engines: own.engines } : {}),
    },
  };
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (!where.startsWith("node_modules/") || entry.dev || entry.devOptional || entry.link) continue;
    const { dev: _dev, ...rest } = entry;
    packages[where] = dev ? { ...rest, dev: true } : rest;
  }
  const lockfile = { name: manifest.name, version: manifest.version, lockfileVersion: 3, requires: true, packages };
  fs.writeFileSync(path.join(project, "package-lock.json"), JSON.stringify(lockfile, null, 2) + "\n");
}
