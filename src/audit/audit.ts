/**
 * The audit, as a stream: `startAudit` prepares the tallies, `add` takes one contact at a time
 * (nothing of it is kept beyond counts, durations and a few examples), `finish` adds the drift
 * found by the plan and returns the report model. No I/O: the command feeds it.
 */
import type { RoutingConfig } from "../config/types";
import type { AuditContact, AuditOwner } from "./contact";
import { engineClock, engineTerritories } from "./engine-clock";
import { inboundTally } from "./inbound";
import { leadReader } from "./lead";
import { AUDIT_SYSTEMS, type AuditReport, type AuditSystem, type DriftItem } from "./model";
import { outboundTally } from "./outbound";
import { ownerDirectory } from "./owners";
import { reengagementTally } from "./reengagement";
import { ownerDrift } from "./owner-drift";
import { slaCounts, sumSla, trend } from "./statistics";
import { systemTally, type SystemTally } from "./system-tally";
import { unclassifiedTally } from "./unclassified";
import { volumeTally } from "./volume";
import { inWindow, previousWindow, type AuditWindow } from "./window";

/** Everything the audit needs besides the contacts. */
export interface AuditInput {
  config: RoutingConfig;
  /** HubSpot owners, archived ones included. */
  owners: readonly AuditOwner[];
  window: AuditWindow;
  /** The audit's "now": pending SLAs and elapsed follow-up windows are judged against it. */
  now: number;
  /** HubSpot portal (hub) id, for links to contacts; `null` when unknown. */
  portalId: string | null;
}

export interface AuditRun {
  /** Tallies one contact. Contacts outside both windows are read past. */
  add(contact: AuditContact): void;
  readonly contactsRead: number;
  /**
   * The report. `managedDrift` is the drift of managed objects (from the deploy plan, see
   * `describePlanDrift`), or why it was not checked; owner drift is always checked.
   */
  finish(managedDrift: DriftItem[] | { uncheckedReason: string }): AuditReport;
}

export function startAudit(input: AuditInput): AuditRun {
  const { config, window, now, portalId } = input;
  const previous = previousWindow(window);
  const owners = ownerDirectory(input.owners, config);
  const reader = leadReader(config, owners);
  const systems = Object.fromEntries(AUDIT_SYSTEMS.map((system) => [system, systemTally(now)])) as Record<
    AuditSystem,
    SystemTally
  >;
  const clock = engineClock(config);
  const inbound = inboundTally(config, clock, now);
  const outbound = outboundTally({ config, clock, owners, territoryOf: engineTerritories(config), now, portalId });
  const reengagement = reengagementTally(config, owners);
  const unclassified = unclassifiedTally(portalId);
  const volume = volumeTally(window);
  let contactsRead = 0;
  let notRouted = 0;

  return {
    add(contact) {
      contactsRead++;
      const lead = reader.read(contact);
      if (lead.sourceType === null) {
        if (inWindow(lead.createdAt, window)) unclassified.add(contact, lead, "current");
        else if (inWindow(lead.createdAt, previous)) unclassified.add(contact, lead, "previous");
      }
      if (lead.routedAt === null || lead.system === null) {
        if (inWindow(lead.createdAt, window)) notRouted++;
        return;
      }
      if (inWindow(lead.routedAt, previous)) systems[lead.system].addPrevious();
      if (!inWindow(lead.routedAt, window)) return;
      systems[lead.system].add(lead);
      volume.add(lead.system, lead.routedAt);
      if (lead.system === "inbound") inbound.add(lead);
      if (lead.system === "outbound") outbound.add(lead);
      if (lead.system === "reengagement") reengagement.add(lead);
    },
    get contactsRead() {
      return contactsRead;
    },
    finish(managedDrift) {
      const checked = Array.isArray(managedDrift);
      const driftItems = [...(checked ? managedDrift : []), ...ownerDrift(config, owners)];
      const inboundSection = inbound.result(systems.inbound);
      const figures = AUDIT_SYSTEMS.map((system) => {
        const tally = systems[system];
        return {
          system,
          volume: trend(tally.leads, tally.previousLeads),
          unowned: tally.unowned.total,
          sla: slaCounts(tally.sla),
          opportunities: tally.opportunities,
        };
      });
      const all = AUDIT_SYSTEMS.map((system) => systems[system]);
      const totalSla = sumSla(all.map((tally) => tally.sla));
      const unclassifiedSection = unclassified.result();
      return {
        portalId,
        configVersion: config.version,
        generatedAt: new Date(now).toISOString(),
        window: {
          from: new Date(window.from).toISOString(),
          to: new Date(window.to).toISOString(),
          previousFrom: new Date(previous.from).toISOString(),
          previousTo: new Date(previous.to).toISOString(),
        },
        contactsRead,
        drift: { checked, uncheckedReason: checked ? null : managedDrift.uncheckedReason, items: driftItems },
        unified: {
          systems: figures,
          totals: {
            volume: trend(sum(all.map((t) => t.leads)), sum(all.map((t) => t.previousLeads))),
            unowned: sum(all.map((t) => t.unowned.total)),
            sla: slaCounts(totalSla),
            opportunities: sum(all.map((t) => t.opportunities)),
          },
          notRouted,
        },
        volume: volume.result(),
        unclassified: unclassifiedSection,
        inbound: inboundSection,
        outbound: outbound.result(systems.outbound),
        reengagement: reengagement.result(systems.reengagement, inboundSection.conversion),
        findings: {
          drift: driftItems.length,
          unclassified: unclassifiedSection.trend.current,
          slaBreaches: totalSla.breached,
        },
      };
    },
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
