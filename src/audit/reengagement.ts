/**
 * Re-engagement tracking: volume by month, conversion against pure inbound, and conversion
 * credit split between the original outbound rep and the rep who handled the lead, as the
 * config's `reengagement.attribution` says.
 */
import type { RoutingConfig } from "../config/types";
import { converted, type RoutedLead } from "./lead";
import type { Rate, ReengagementSection, RepRef } from "./model";
import type { OwnerDirectory } from "./owners";
import { rate, slaCounts } from "./statistics";
import { KeyedTally, type SystemTally } from "./system-tally";
import { utcMonth } from "./window";

const UNKNOWN = "";

export interface ReengagementTally {
  add(lead: RoutedLead): void;
  result(system: SystemTally, pureInboundConversion: Rate): ReengagementSection;
}

export function reengagementTally(config: RoutingConfig, owners: OwnerDirectory): ReengagementTally {
  const { originalRep, handler } = config.reengagement.attribution;
  const months = new KeyedTally(() => ({ leads: 0 }));
  const credits = new KeyedTally(() => ({ asOriginalRep: 0, asHandler: 0 }));

  return {
    add(lead) {
      if (lead.routedAt === null) return;
      months.get(utcMonth(lead.routedAt)).leads++;
      if (!converted(lead)) return;
      // Percent shares become fractions of one conversion; the same rep in both roles gets both.
      credits.get(lead.originalOwnerId ?? UNKNOWN).asOriginalRep += originalRep / 100;
      credits.get(lead.owner?.id ?? UNKNOWN).asHandler += handler / 100;
    },
    result(system, pureInboundConversion) {
      return {
        leads: system.leads,
        unowned: system.unowned,
        byMonth: months
          .keys()
          .sort()
          .map((month) => ({ month, leads: months.get(month).leads })),
        conversion: rate(system.opportunities, system.leads),
        pureInboundConversion,
        attribution: {
          originalRep,
          handler,
          credits: credits
            .keys()
            .map((key) => {
              const credit = credits.get(key);
              return {
                ...refOf(key),
                asOriginalRep: round(credit.asOriginalRep),
                asHandler: round(credit.asHandler),
                total: round(credit.asOriginalRep + credit.asHandler),
              };
            })
            .sort((a, b) => b.total - a.total || a.rep.localeCompare(b.rep, "en")),
        },
        sla: slaCounts(system.sla),
      };
    },
  };

  function refOf(key: string): RepRef {
    return key === UNKNOWN ? { rep: "(unknown)", name: "(not recorded)" } : owners.refOf(key);
  }
}

/** Sums of percent shares: keep them free of floating-point dust (0.30000000000000004). */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
