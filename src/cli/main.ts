import { closest } from "../config/validate/spelling";
import { errorMessage, RouteOpsError } from "../errors";
import { commands } from "./commands";
import { redactingIO, UsageError, type CliIO, type Command } from "./io";

const header = "RouteOps: lead routing as code for HubSpot.";

async function helpText(): Promise<string> {
  const lines = [header, "", "Usage: routeops <command> [options]", "", "Commands:"];
  for (const [name, load] of Object.entries(commands)) {
    const command = await load();
    lines.push(`  ${name.padEnd(12)} ${command.summary}`);
  }
  lines.push("", "Run `routeops help <command>` (or `routeops <command> --help`) for a command's options.");
  return lines.join("\n") + "\n";
}

function printUsage(io: CliIO, command: Command): void {
  io.stdout.write(command.usage.endsWith("\n") ? command.usage : command.usage + "\n");
}

/** `unknown command "plna" (did you mean "plan"?)`, else the list of commands. */
function unknownCommand(io: CliIO, name: string): number {
  const names = Object.keys(commands);
  // Command names are short: two edits (a swapped pair of letters) still reads as a typo.
  const hint = closest(name, names, 2);
  io.stderr.write(
    `routeops: unknown command "${name}". ` +
      (hint ? `Did you mean "${hint}"? ` : "") +
      `Commands: ${names.join(", ")}. Run \`routeops help\` for what each does.\n`,
  );
  return 2;
}

/**
 * The whole CLI: argv in, exit code out. Everything a command writes goes through the one secret
 * redactor; an expected failure ({@link RouteOpsError}) becomes one line naming its code and exit
 * code 1 (2 for a usage error), and anything else is reported as a bug without a stack.
 */
export async function main(argv: string[], rawIO: CliIO): Promise<number> {
  const io = redactingIO(rawIO);
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") {
    io.stdout.write(await helpText());
    return name === undefined ? 2 : 0;
  }
  if (name === "help") {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout.write(await helpText());
      return 0;
    }
    const load = commands[topic];
    if (!load) return unknownCommand(io, topic);
    printUsage(io, await load());
    return 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write("routeops 0.1.0\n");
    return 0;
  }
  const load = commands[name];
  if (!load) return unknownCommand(io, name);
  const command = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    printUsage(io, command);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`routeops ${name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    if (error instanceof RouteOpsError) {
      io.stderr.write(
        `routeops ${name}: ${error.message} [${error.code}]\n${error.lines.map((line) => `  ${line}\n`).join("")}`,
      );
      return 1;
    }
    io.stderr.write(`routeops ${name}: internal error (a bug in RouteOps, please report it): ${errorMessage(error)}\n`);
    return 1;
  }
}
