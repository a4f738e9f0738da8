/** How `plan` and `deploy` print: the plan in a format, and a failure as lines (and a JSON envelope). */
import { planEnvelope, PLAN_SCHEMA, renderPlanJson, renderPlanMarkdown, renderPlanText, type Plan } from "../deploy";
import { section } from "../report/doc";
import { renderText } from "../report/render-text";
import { routingChangesJson, routingReportBlocks } from "../routing-changes";
import type { RoutingComparison } from "../usecases/routing-changes";
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

/**
 * The plan in the chosen format; with `routing` (`plan --base`), the routing changes in the
 * routing's own words come first (JSON: the `routing` key), from the one routing model the
 * pull-request comment shows too.
 */
export function renderPlan(plan: Plan, format: PlanFormat, routing?: RoutingComparison): string {
  if (format === "json") {
    if (!routing) return renderPlanJson(plan);
    const envelope = { ...planEnvelope(plan), routing: routingChangesJson(routing.changes, routing.shares) };
    return `${JSON.stringify(envelope, null, 2)}\n`;
  }
  const blocks = routing
    ? routingReportBlocks(routing.changes, routing.shares, routing.repName, routing.baseName)
    : undefined;
  if (format === "markdown") return renderPlanMarkdown(plan, blocks ? { routing: blocks } : {});
  if (!blocks) return renderPlanText(plan);
  const routingText = renderText({ blocks: [section("routing", 2, "What changes in the routing", blocks)] });
  return `${routingText}\n${renderPlanText(plan)}`;
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
