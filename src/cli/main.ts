import { commands } from "./commands";
import { UsageError, type CliIO } from "./io";

const header = "RouteOps: lead routing as code for HubSpot.";

async function helpText(): Promise<string> {
  const lines = [header, "", "Usage: routeops <command> [options]", "", "Commands:"];
  for (const [name, load] of Object.entries(commands)) {
    const command = await load();
    lines.push(`  ${name.padEnd(12)} ${command.summary}`);
  }
  lines.push("", "Run `routeops <command> --help` for a command's options.");
  return lines.join("\n") + "\n";
}

/** The whole CLI: argv in, exit code out. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(await helpText());
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write("routeops 0.1.0\n");
    return 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr.write(`routeops: unknown command "${name}". Commands: ${Object.keys(commands).join(", ")}.\n`);
    return 2;
  }
  const command = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(command.usage.endsWith("\n") ? command.usage : command.usage + "\n");
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`routeops ${name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    throw error;
  }
}
