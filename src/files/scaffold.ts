/**
 * `routeops init`: writes a new routing repository from the templates this package ships: the
 * routing config (a small starter organisation, or the full reference organisation), its
 * fixtures, the GitHub workflows (calling this package's CLI), package.json, tsconfig.json,
 * .gitignore and a README. It never overwrites: a folder that already holds any of those files is
 * refused with the list of them.
 */
import fs from "node:fs";
import path from "node:path";

/** Which organisation to start from. */
export type Template = "starter" | "reference";

export interface ScaffoldOptions {
  /** The folder to create (or an empty one to fill). */
  dir: string;
  /** How messages name the folder (as the user wrote it); `dir` when not given. */
  label?: string;
  template: Template;
  /** The version of this package, which the new package.json depends on. */
  version: string;
}

/** What was written, relative to `dir`. */
export interface ScaffoldResult {
  dir: string;
  files: string[];
}

/** A folder that cannot be scaffolded, and why. */
export class ScaffoldError extends Error {
  override readonly name = "ScaffoldError";
}

/** The package's root: two levels above this file, in dist/ as in src/. */
const packageRoot = path.resolve(__dirname, "..", "..");

/** Where each template's `routing/` and `test/fixtures/` come from, inside the package. */
const templateRoots: Record<Template, string> = {
  starter: path.join(packageRoot, "templates", "starter"),
  reference: path.join(packageRoot, "test", "reference"),
};

/** Workflows that an adopter's repository runs (the package's own CI is not one of them). */
const WORKFLOWS = ["ci.yml", "routing-pr.yml", "routing-deploy.yml", "routing-audit.yml"];

/** Writes the repository; every file's text is decided before the first one is written. */
export function scaffold(options: ScaffoldOptions): ScaffoldResult {
  const files = new Map<string, string>();
  const root = templateRoots[options.template];
  for (const folder of ["routing", path.join("test", "fixtures")]) {
    for (const file of listFiles(path.join(root, folder))) {
      files.set(path.join(folder, file), fs.readFileSync(path.join(root, folder, file), "utf8"));
    }
  }
  for (const workflow of WORKFLOWS) {
    const file = path.join(packageRoot, ".github", "workflows", workflow);
    files.set(path.join(".github", "workflows", workflow), fs.readFileSync(file, "utf8"));
  }
  const name = packageName(path.basename(path.resolve(options.dir)));
  files.set("package.json", packageJson(name, options.version));
  files.set("tsconfig.json", TSCONFIG);
  files.set(".gitignore", "node_modules/\n.routeops/\n");
  files.set("README.md", readme(name, options.template));

  const dir = path.resolve(options.dir);
  const label = options.label ?? options.dir;
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
    throw new ScaffoldError(`${label} is a file, not a folder`);
  }
  const clashes = [...files.keys()].filter((file) => fs.existsSync(path.join(dir, file)));
  const routingClash = fs.existsSync(path.join(dir, "routing")) ? ["routing/"] : [];
  if (clashes.length || routingClash.length) {
    const listed = [...new Set([...routingClash, ...clashes])].slice(0, 5);
    throw new ScaffoldError(
      `${label} already holds ${listed.join(", ")}${clashes.length > 5 ? " and more" : ""}: init writes a new repository and never overwrites; choose an empty folder`,
    );
  }
  for (const [file, text] of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return { dir, files: [...files.keys()].sort() };
}

function listFiles(dir: string, prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
  });
}

/** npm's rules: lower case, URL-safe, no leading dot or underscore. */
function packageName(folder: string): string {
  const cleaned = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+|[-]+$/g, "");
  return cleaned || "routing";
}

function packageJson(name: string, version: string): string {
  const manifest = {
    name,
    version: "0.0.0",
    private: true,
    description: "Lead routing as code for HubSpot, with RouteOps.",
    scripts: {
      test: "tsc --noEmit -p . && routeops validate && routeops test",
      validate: "routeops validate",
      demo: "routeops demo",
    },
    devDependencies: { routeops: `^${version}`, typescript: "^5.9.3" },
    engines: { node: ">=20.19" },
  };
  return JSON.stringify(manifest, null, 2) + "\n";
}

// Only the routing config is type-checked; "bundler" resolution reads the package's "exports".
const TSCONFIG =
  JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        module: "preserve",
        moduleResolution: "bundler",
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      include: ["routing"],
    },
    null,
    2,
  ) + "\n";

function readme(name: string, template: Template): string {
  const what =
    template === "reference"
      ? "the reference organisation of RouteOps (Acme Analytics: three calendars, 13 reps, 8 pools, three territories)"
      : "a small starter organisation (one calendar, three people, two pools, one territory)";
  return `# ${name}

Lead routing as code for HubSpot, with [RouteOps](https://www.npmjs.com/package/routeops). It
starts from ${what}: make it yours.

\`\`\`sh
npm install                 # then commit package-lock.json: the workflows run npm ci
npx routeops validate       # check routing/
npx routeops test           # run test/fixtures against routing/
npx routeops demo           # the whole product against the embedded HubSpot emulator
npm test                    # type-check, validate, test (what CI runs)
\`\`\`

- \`routing/\`: the routing config in TypeScript (\`import { defineRouting } from "routeops"\`).
- \`test/fixtures/\`: one contact and event each, with the decision routing must reach.
- \`.github/workflows/\`: pull requests are validated, tested, planned and commented
  (\`routing-pr.yml\`); merges to main deploy (\`routing-deploy.yml\`); a scheduled audit opens an
  issue (\`routing-audit.yml\`). They need the \`HUBSPOT_ACCESS_TOKEN\` secret (a private app token).
`;
}
