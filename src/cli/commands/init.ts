import path from "node:path";
import { scaffold, ScaffoldError } from "../../files/scaffold";
import { packageVersion } from "../../files/package-info";
import { parseCommandArgs } from "../args";
import { UsageError, type CliIO, type Command } from "../io";

const usage = `Usage: routeops init [DIR] [--reference]

Creates a new routing repository in DIR (default: the current folder), which must not hold one
already: routing/ (a small starter organisation to make yours), test/fixtures/ (one fixture per
rule), the GitHub workflows (pull request checks, deploy on merge, scheduled audit), package.json
(depending on routeops), tsconfig.json, .gitignore and a README.

Options:
  --reference   start from the full reference organisation (Acme Analytics) instead
  -h, --help    show this help
`;

/** `routeops init`: scaffold a routing repository. */
export const initCommand: Command = {
  name: "init",
  summary: "Create a new routing repository (routing/, fixtures, workflows, package.json)",
  usage,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandArgs(argv, { reference: { type: "boolean" } }, { positionals: true });
    if (positionals.length > 1) throw new UsageError(`expected at most one folder, got ${positionals.join(", ")}`);
    const dir = positionals[0] ?? ".";
    try {
      const result = scaffold({
        dir: path.resolve(io.cwd, dir),
        label: dir,
        template: values.reference ? "reference" : "starter",
        version: packageVersion(),
      });
      const where = path.relative(io.cwd, result.dir) || ".";
      io.stdout.write(`Created a routing repository in ${where}: ${result.files.length} files.\n\nNext:\n`);
      if (where !== ".") io.stdout.write(`  cd ${where}\n`);
      io.stdout.write("  npm install\n  npx routeops validate\n  npx routeops test\n");
      return 0;
    } catch (error) {
      if (!(error instanceof ScaffoldError)) throw error;
      io.stderr.write(`routeops init: ${error.message}\n`);
      return 1;
    }
  },
};
