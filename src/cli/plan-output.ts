/** How `plan` and `deploy` print: the plan in a format, and a failure as lines (and a JSON envelope). */
import { PLAN_SCHEMA, renderPlanJson, renderPlanMarkdown, renderPlanText, type Plan } from "../deploy";
import type { RouteOpsError } from "../errors";
import { UsageError, type CliIO } from "./io";

/** The output formats of `plan` and `deploy`. */
export type PlanFormat = "text" | "markdown" | "json";

/** `--format`, one of `allowed` (text by default). */
export function parseFormat(value: string | undefined, allowed: readonly PlanFormat[]): PlanFormat {
  const format = (value ?? "text") as PlanFormat;
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(", ")}, not "${value}"`);
  return format;
}

/** The plan in the chosen format. */
export function renderPlan(plan: Plan, format: PlanFormat): string {
  return format === "json"
    ? renderPlanJson(plan)
    : format === "markdown"
      ? renderPlanMarkdown(plan)
      : renderPlanText(plan);
}

/** `routeops plan: message` and its lines, indented. */
export function failureText(command: string, error: RouteOpsError): string {
  return `routeops ${command}: ${error.message}\n${error.lines.map((line) => `  ${line}\n`).join("")}`;
}

/** Reports a failed plan: a JSON envelope on stdout for `--format json`, lines on stderr. */
export function reportPlanFailure(io: CliIO, format: PlanFormat, error: RouteOpsError): number {
  if (format === "json") {
    const envelope = {
      schema: PLAN_SCHEMA,
      status: "error",
      error: { code: error.code, message: error.message, details: error.lines },
    };
    io.stdout.write(`${JSON.stringify(envelope, null, 2)}\n`);
  }
  io.stderr.write(failureText("plan", error));
  return 1;
}
