/** The last step: the `audit` use case against the portal, at the demo's instant, over the last 7 days. */
import {
  AUDIT_JSON_SCHEMA,
  auditMarker,
  renderJson,
  renderMarkdown,
  windowSince,
  type AuditEnvelope,
} from "../../audit";
import { errorMessage } from "../../errors";
import { redactSecrets } from "../../secrets";
import { auditPortal } from "../../usecases/audit";
import { portalAdapter, type DemoPortal } from "./portal";
import { count, percent, type StepOutcome } from "./step";

/** When the audit looks. */
export interface AuditStepOptions {
  config: string;
  /** The audit's "now" (the emulator's time), epoch ms. */
  now: number;
}

/** Audits the portal and keeps its Markdown and JSON reports for the demo's folder. */
export async function auditStep(options: AuditStepOptions, portal: DemoPortal): Promise<StepOutcome> {
  let result;
  try {
    result = await auditPortal(
      {
        config: options.config,
        cwd: portal.cwd,
        window: windowSince("7d", options.now),
        now: options.now,
        portalId: null,
        skipDrift: false,
      },
      { hubspot: portalAdapter(portal) },
    );
  } catch (error) {
    return { status: "failed", summary: redactSecrets(errorMessage(error), [portal.token]) };
  }
  const envelope: AuditEnvelope = {
    schema: AUDIT_JSON_SCHEMA,
    status: "ok",
    exitCode: 0,
    failOn: [],
    failed: [],
    apiCalls: result.apiCalls,
    report: result.report,
    error: null,
  };
  const markdown = renderMarkdown(result.report, { marker: auditMarker(result.report.portalId) });
  return describe(envelope, markdown, renderJson(envelope));
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
