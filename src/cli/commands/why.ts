import { RouterDatabaseError } from "../../router";
import { formatDecisionLog } from "../../router/why-text";
import { lookUpDecisions, routerScrubber } from "../../router/service";
import { oneOf, parseCommandArgs } from "../args";
import { UsageError, type CliIO, type Command } from "../io";

const usage = `Usage: routeops why <contact id|email> [--data-dir DIR] [--format text|json]

Answers "why did this lead go to X" from the router's decision log: every routing of the contact,
newest first, with the event, the decision, its full trace and the config version it was made
with. Reads the embedded database in --data-dir (default: .routeops/router-db), or PostgreSQL when
DATABASE_URL is set.
`;

export const whyCommand: Command = {
  name: "why",
  summary: "Explain a routed lead from the router's decision log",
  usage,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      argv,
      { "data-dir": { type: "string" }, format: { type: "string" } },
      { positionals: true },
    );
    if (positionals.length !== 1) throw new UsageError("give one contact id or email");
    const format = oneOf("--format", values.format, ["text", "json"] as const, "text");
    const databaseUrl = io.env.DATABASE_URL?.trim() || undefined;
    const scrub = routerScrubber({ databaseUrl });
    let decisions;
    try {
      decisions = await lookUpDecisions({ databaseUrl, dataDir: values["data-dir"], cwd: io.cwd }, positionals[0]!);
    } catch (error) {
      if (!(error instanceof RouterDatabaseError)) throw error;
      io.stderr.write(`routeops why: ${scrub(error.message)}\n`);
      return 1;
    }
    if (format === "json") {
      io.stdout.write(JSON.stringify({ contact: positionals[0], decisions }, null, 2) + "\n");
      return decisions.length === 0 ? 1 : 0;
    }
    if (decisions.length === 0) {
      io.stdout.write(`No routing of ${positionals[0]} in the decision log.\n`);
      return 1;
    }
    io.stdout.write(formatDecisionLog(decisions));
    return 0;
  },
};
