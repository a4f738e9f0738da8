import type { RoutingConfig } from "../../config/types";
import type { SeedOptions, SeedRep } from "../options";

/** Splits a display name into HubSpot's first and last name (the last word is the last name). */
function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { firstName: words[0] ?? "", lastName: "" };
  return { firstName: words.slice(0, -1).join(" "), lastName: words[words.length - 1]! };
}

/**
 * Seed options that make a portal look routed by this config: owners from its reps (their role as
 * the team; inactive reps archived) and contacts carrying its source types, rules, pools, queues,
 * SLA policies and version.
 */
export function seedFromRouting(
  config: RoutingConfig,
  options: Omit<SeedOptions, "reps" | "sourceTypes" | "routing"> = {},
): SeedOptions {
  const reps: SeedRep[] = config.reps.map((rep) => ({
    email: rep.email,
    ...splitName(rep.name),
    active: rep.active !== false,
    teams: [rep.role],
  }));
  const { inbound, outbound } = config.systems;
  const nurture = [...inbound.rules, ...outbound.rules].flatMap((rule) =>
    rule.outcome.type === "nurture" ? [rule.outcome.sequence] : [],
  );
  return {
    ...options,
    reps,
    sourceTypes: config.sources.map((s) => s.id),
    routing: {
      configVersion: config.version,
      rules: {
        inbound: inbound.rules.map((r) => r.id),
        outbound: outbound.rules.map((r) => r.id),
        reengagement: config.reengagement.rules.map((r) => r.id),
        unclassified: config.unclassified.rule,
      },
      pools: config.pools.map((p) => p.id),
      queues: [
        config.unclassified.queue,
        ...config.queues.map((q) => q.id).filter((q) => q !== config.unclassified.queue),
      ],
      slaPolicies: config.slaPolicies.map((p) => p.id),
      sequences: nurture,
    },
  };
}
