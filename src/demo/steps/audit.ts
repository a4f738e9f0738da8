/** Step 6: `routeops audit --out` against the emulator, at the demo's instant. */
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { AuditEnvelope } from "../../audit";
import { redactSecrets } from "../../secrets";
import { failureReason, runCommand, type CommandSettings } from "../command-runner";
import { count, percent, type StepOutcome } from "./step";

/** Where and when the audit looks. */
export interface AuditStepOptions {
  config: string;
  baseUrl: string;
  /** The audit's "now" (the emulator's time), epoch ms. */
  now: number;
  /** A private folder for the audit's `--out`; its files are copied into the demo's report folder. */
  scratch: string;
}

/** Runs the audit into a scratch folder and takes its Markdown and JSON reports for the demo's folder. */
export async function auditStep(options: AuditStepOptions, settings: CommandSettings): Promise<StepOutcome> {
  const scratch = path.join(options.scratch, "audit");
  await mkdir(scratch, { recursive: true });
  const argv = [
    ...["--config", options.config, "--hubspot-base-url", options.baseUrl],
    ...["--now", new Date(options.now).toISOString(), "--since", "7d", "--format", "json", "--out", scratch],
  ];
  const run = await runCommand("audit", argv, settings);
  if (!run.found) return { status: "failed", summary: "this build has no `routeops audit` command" };
  if (run.code !== 0) return { status: "failed", summary: failureReason(run, "audit") };
  const [markdown, json] = await Promise.all(
    ["report.md", "report.json"].map(async (name) =>
      redactSecrets(await readFile(path.join(scratch, name), "utf8"), settings.secrets),
    ),
  );
  return describe(JSON.parse(json!) as AuditEnvelope, markdown!, json!);
}

function describe(envelope: AuditEnvelope, markdown: string, json: string): StepOutcome {
  const report = envelope.report;
  if (!report) return { status: "failed", summary: envelope.error?.message ?? "the audit produced no report" };
  const { totals, systems, notRouted } = report.unified;
  const compliance = totals.sla.compliance;
  const drift = report.drift.items.length;
  const summary =
    `${count(report.contactsRead)} contacts read in ${count(envelope.apiCalls ?? 0)} API calls: ` +
    `${count(totals.volume.current)} leads routed in the last 7 days, SLA met ${percent(compliance.numerator, compliance.denominator)} ` +
    `(${count(compliance.numerator)} of ${count(compliance.denominator)}), ` +
    `${count(report.unclassified.trend.current)} unclassified, ${drift === 0 ? "no drift" : `${drift} drift findings`}`;
  const details = systems.map(
    (s) =>
      `${s.system.padEnd(13)} ${count(s.volume.current).padStart(6)} leads, ${count(s.unowned).padStart(4)} unowned, ` +
      `SLA met ${count(s.sla.met)}, breached ${count(s.sla.breached)}, pending ${count(s.sla.pending)}`,
  );
  if (notRouted > 0) details.push(`${count(notRouted)} contacts created in the window were never routed`);
  if (!report.drift.checked) details.push(`managed objects not compared: ${report.drift.uncheckedReason ?? "unknown"}`);
  for (const item of report.drift.items.slice(0, 5)) details.push(`drift: ${item.object} ${item.name} ${item.change}`);
  if (drift > 5) details.push(`... and ${drift - 5} more drift findings (see audit.md)`);
  return {
    status: "ok",
    summary,
    details,
    reports: [
      { name: "audit.md", text: markdown },
      { name: "audit.json", text: json },
    ],
    figures: {
      contactsRead: report.contactsRead,
      apiCalls: envelope.apiCalls,
      leadsRouted: totals.volume.current,
      slaMet: compliance.numerator,
      slaMeasured: compliance.denominator,
      unclassified: report.unclassified.trend.current,
      drift,
      findings: report.findings,
    },
  };
}
