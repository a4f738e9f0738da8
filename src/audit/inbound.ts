/**
 * Inbound routing health: unowned leads, speed-to-lead (routed-at to first engagement, in
 * business time), SLA compliance and conversion to opportunity, each by source type.
 */
import type { RoutingConfig } from "../config/types";
import type { AuditClock } from "./clock";
import { converted, engagementOf, type RoutedLead } from "./lead";
import type { InboundSection, SourceTypeRow } from "./model";
import { slaOutcome } from "./sla";
import { bucketed, durationStats, emptySlaTally, rate, slaCounts, type SlaTally } from "./statistics";
import { KeyedTally, type SystemTally } from "./system-tally";

interface SourceTally {
  leads: number;
  converted: number;
  minutes: number[];
  sla: SlaTally;
}

/** Source type key of a lead without one (should not happen for routed inbound leads). */
const NO_SOURCE = "";

export interface InboundTally {
  add(lead: RoutedLead): void;
  result(system: SystemTally): InboundSection;
}

export function inboundTally(config: RoutingConfig, clock: AuditClock, now: number): InboundTally {
  const bySource = new KeyedTally<SourceTally>(() => ({ leads: 0, converted: 0, minutes: [], sla: emptySlaTally() }));
  const minutes: number[] = [];
  let notEngaged = 0;
  let notMeasurable = 0;

  return {
    add(lead) {
      const source = bySource.get(lead.sourceType ?? NO_SOURCE);
      source.leads++;
      if (converted(lead)) source.converted++;
      source.sla[slaOutcome(lead, now)]++;
      // Nurture leads have no rep and no clock: they are not part of speed-to-lead.
      if (lead.nurture || lead.routedAt === null) return;
      const engagement = engagementOf(lead);
      if (engagement.kind === "none") notEngaged++;
      else if (engagement.kind === "before_routing") notMeasurable++;
      else {
        const taken = clock.businessMinutes(lead.calendarId, lead.routedAt, engagement.at);
        // NaN only from a calendar that never opens: nothing to measure on it.
        if (!Number.isFinite(taken)) notMeasurable++;
        else {
          minutes.push(taken);
          source.minutes.push(taken);
        }
      }
    },
    result(system) {
      const rows = sourceRows(config, "inbound", bySource.keys());
      const overall = durationStats(minutes);
      return {
        leads: system.leads,
        unowned: system.unowned,
        speedToLead: { ...overall, buckets: bucketed(minutes), notEngaged, notMeasurable },
        speedBySourceType: rows.map((row) => ({ ...row, stats: durationStats(tallyOf(row).minutes) })),
        slaBySourceType: rows.map((row) => ({ ...row, sla: slaCounts(tallyOf(row).sla) })),
        sla: slaCounts(system.sla),
        conversionBySourceType: rows.map((row) => {
          const tally = tallyOf(row);
          return { ...row, conversion: rate(tally.converted, tally.leads) };
        }),
        conversion: rate(system.opportunities, system.leads),
      };
    },
  };

  function tallyOf(row: SourceTypeRow): SourceTally {
    return bySource.get(row.sourceType);
  }
}

/**
 * Rows for the system's source types in config order, then any value seen on contacts that the
 * config does not define (a source type removed since those leads were routed).
 */
export function sourceRows(config: RoutingConfig, system: "inbound" | "outbound", seen: string[]): SourceTypeRow[] {
  const defined = config.sources.filter((source) => source.system === system);
  const rows: SourceTypeRow[] = defined.map((source) => ({ sourceType: source.id, label: source.label }));
  const known = new Set(defined.map((source) => source.id));
  for (const key of [...seen].sort()) {
    if (known.has(key)) continue;
    rows.push({ sourceType: key, label: key === NO_SOURCE ? "(no source type)" : `${key} (not in the config)` });
  }
  return rows;
}
