/**
 * Duplicate ids: two elements of a collection with the same id make every reference to it
 * ambiguous. Rule ids are unique across all systems, because the deciding rule is recorded on
 * the contact. Reps are compared by email, ignoring case (HubSpot does).
 */
import type { RoutingDirectory } from "./directory";
import { error, type Finding } from "./finding";
import { element, renderPath, type PathSegment } from "./path";

interface Named {
  name: string;
  at: PathSegment[];
}

/** Reports every element whose id repeats an earlier one of the same collection. */
export function checkDuplicates(dir: RoutingDirectory): Finding[] {
  const config = dir.config;
  const findings: Finding[] = [];
  const collection = <T>(
    key: string,
    items: readonly T[],
    name: (item: T) => string,
    noun: string,
    field = "id",
    fold = (s: string) => s,
  ) =>
    report(
      items.map((item, i) => ({ name: name(item), at: [key, element(item, i), field] })),
      noun,
      fold,
    );

  const report = (named: Named[], noun: string, fold: (s: string) => string) => {
    const first = new Map<string, Named>();
    for (const item of named) {
      const key = fold(item.name);
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, item);
      else {
        findings.push(
          error(
            "duplicate_id",
            item.at,
            `${noun} "${item.name}" is defined twice (first at ${renderPath(earlier.at.slice(0, -1))}); ids must be unique`,
          ),
        );
      }
    }
  };

  collection("calendars", config.calendars, (c) => c.id, "calendar");
  collection(
    "reps",
    config.reps,
    (r) => r.email,
    "rep",
    "email",
    (s) => s.toLowerCase(),
  );
  collection("pools", config.pools, (p) => p.id, "pool");
  collection("queues", config.queues, (q) => q.id, "queue");
  collection("territories", config.territories, (t) => t.id, "territory");
  collection("segments", config.segments, (s) => s.id, "segment");
  collection("sources", config.sources, (s) => s.id, "source type");
  collection("slaPolicies", config.slaPolicies, (s) => s.id, "SLA policy");

  const rules: Named[] = [
    ...dir.systemRules().map(({ rule, at }) => ({ name: rule.id, at: [...at, "id"] })),
    ...dir.reengagementRules().map(({ rule, at }) => ({ name: rule.id, at: [...at, "id"] })),
    { name: config.unclassified.rule, at: ["unclassified", "rule"] },
  ];
  report(rules, "rule", (s) => s);

  config.pools.forEach((pool, i) => {
    report(
      pool.members.map((m, j) => ({ name: m.rep, at: ["pools", element(pool, i), "members", j, "rep"] })),
      "member",
      (s) => s.toLowerCase(),
    );
  });
  return findings;
}
