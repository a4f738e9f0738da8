/**
 * `audit`: load and validate the routing config, read the portal's owners (and, unless told not
 * to, the managed properties and workflows for drift), then every contact, and build the audit
 * report for the window. `routeops audit` renders and publishes it; the demo shows its figures.
 */
import {
  AUDIT_CONTACT_PROPERTIES,
  managedDrift,
  startAudit,
  type AuditOwner,
  type AuditReport,
  type AuditWindow,
  type DriftItem,
} from "../audit";
import { operationsSection, type LoggedLead } from "../audit/operations";
import { hasErrors } from "../config/diagnostics";
import { RouteOpsError } from "../errors";
import { loadAndValidate } from "../files/config-loader";
import type { HubSpotAdapter } from "../hubspot";
import { readLiveState } from "../hubspot/live-state";
import { formatDiagnosticsText } from "../report/diagnostics";

/** What to audit. */
export interface AuditInput {
  /** Routing config module, relative to `cwd`. */
  config: string;
  cwd: string;
  window: AuditWindow;
  /** The audit's "now", epoch ms. */
  now: number;
  portalId: string | null;
  /** Do not compare managed properties and workflows (owners are still read). */
  skipDrift: boolean;
}

/** What the audit reads through, and who hears how far it got. */
export interface AuditPorts {
  hubspot: HubSpotAdapter;
  /** Progress for people ("Reading contacts: 3,000"); optional. */
  progress?: (text: string) => void;
  /**
   * The router's decision log (leads requested in [from, to)), for fairness and health from what
   * really happened; without it the routing operations section says it was not measured.
   */
  decisionLog?: (from: number, to: number) => Promise<LoggedLead[]>;
}

/** The report, and the HubSpot calls it took. */
export interface AuditResult {
  report: AuditReport;
  apiCalls: number;
}

/**
 * Audits the portal. Throws a {@link RouteOpsError} `invalid_config` (with the errors as lines)
 * when the config does not validate; HubSpot's errors (`HubSpotError`) pass through.
 */
export async function auditPortal(input: AuditInput, ports: AuditPorts): Promise<AuditResult> {
  const { hubspot } = ports;
  const say = ports.progress ?? (() => undefined);
  const { config, diagnostics } = loadAndValidate(input.config, {
    cwd: input.cwd,
    today: new Date(input.now).toISOString().slice(0, 10),
  });
  if (!config || hasErrors(diagnostics)) {
    throw new RouteOpsError(
      "invalid_config",
      `the routing config ${input.config} does not validate; fix these errors`,
      {
        lines: formatDiagnosticsText(diagnostics).trimEnd().split("\n"),
      },
    );
  }
  let owners: AuditOwner[];
  let drift: DriftItem[] | { uncheckedReason: string };
  if (input.skipDrift) {
    say("Reading HubSpot owners...");
    owners = await hubspot.listOwners();
    drift = { uncheckedReason: "--skip-drift" };
  } else {
    // The same reads `routeops plan` makes, owners included.
    say("Reading HubSpot owners, managed properties and workflows...");
    const live = await readLiveState(hubspot);
    owners = live.owners;
    drift = managedDrift(config, live, input.now);
  }
  const run = startAudit({ config, owners, window: input.window, now: input.now, portalId: input.portalId });
  const log = ports.decisionLog ? await ports.decisionLog(input.window.from, input.window.to) : null;
  const logged = new Set((log ?? []).map((lead) => lead.contactId));
  // First touches (HubSpot's "Date of first engagement") of the contacts the log routed.
  const touches = new Map<string, number>();
  const read = await hubspot.readContacts({ properties: [...AUDIT_CONTACT_PROPERTIES] });
  for await (const contact of read.contacts) {
    run.add(contact);
    if (logged.has(contact.id)) {
      const raw = contact.properties.hs_sa_first_engagement_date?.trim();
      const at = raw ? (/^\d+$/.test(raw) ? Number(raw) : Date.parse(raw)) : Number.NaN;
      if (Number.isFinite(at)) touches.set(contact.id, at);
    }
    if (run.contactsRead % 1000 === 0) say(`Reading contacts: ${run.contactsRead.toLocaleString("en-US")}`);
  }
  const report = run.finish(drift);
  if (log) {
    report.operations = operationsSection(config, log, (id) => touches.get(id) ?? null, {
      ...input.window,
      now: input.now,
    });
  }
  return { report, apiCalls: hubspot.requests.count() };
}
