// Second half of `npm run build` (after tsc): copies the files the compiled code reads at run time
// that tsc does not emit (SQL migrations), removes what tsc emitted for sources since deleted (tsc
// never deletes, and the package must not ship a module that no longer exists), puts the parts of
// zod the compiled code uses in one file (scripts/vendor-zod.js), then stamps the build, so that
// bin/routeops.js in a development checkout can tell a dist/ built from the current sources from
// a stale one.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { vendorZod } = require("./vendor-zod");

const root = path.join(__dirname, "..");
const src = path.join(root, "src");
const dist = path.join(root, "dist");

function copyAssets(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(full);
    else if (!/\.(ts|json)$/.test(entry.name)) {
      const target = path.join(dist, path.relative(src, full));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(full, target);
    }
  }
}

/** The file under src/ that `file` (under dist/) was built or copied from. */
function sourceOf(file) {
  const relative = path.relative(dist, file);
  const compiled = /(\.d\.ts|\.js\.map|\.js)$/.exec(relative);
  return path.join(src, compiled ? relative.slice(0, -compiled[1].length) + ".ts" : relative);
}

function pruneOrphans(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      pruneOrphans(full);
      if (fs.readdirSync(full).length === 0) fs.rmdirSync(full);
    } else if (dir !== dist && !fs.existsSync(sourceOf(full))) {
      fs.rmSync(full);
    }
  }
}

async function main() {
  copyAssets(src);
  pruneOrphans(dist);
  await vendorZod(root, dist);
  fs.writeFileSync(path.join(dist, ".built"), `${new Date().toISOString()}\n`);
}

main().catch((error) => {
  process.stderr.write(`finish-build: ${error && error.message ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
