/** Routing changes and expected shares as report blocks (one line per change) and as JSON. */
import type { Block } from "../report/doc";
import { list, paragraph, section, strong } from "../report/doc";
import type { PoolShareChange, RepShareChange } from "./share-changes";
import { CHANGE_AREAS, type RoutingChanges } from "./types";

const AREA_TITLES: Record<(typeof CHANGE_AREAS)[number], string> = {
  reps: "Reps",
  pools: "Pools",
  queues: "Queues",
  territories: "Territories",
  segments: "Segments",
  "source types": "Source types",
  "SLA policies": "SLA policies",
  rules: "Rules",
  "re-engagement and handoff": "Re-engagement and handoff",
  calendars: "Calendars",
};

/** One list per area that changed, each change on its own line; a sentence when nothing changed. */
export function routingChangesBlocks(changes: RoutingChanges, baseName: string): Block[] {
  if (changes.changes.length === 0) return [paragraph(`No routing changes compared with ${baseName}.`)];
  const blocks: Block[] = [
    paragraph(
      strong(`${changes.changes.length} routing change${changes.changes.length === 1 ? "" : "s"}`),
      ` compared with ${baseName} (version ${changes.base.version} -> ${changes.head.version}):`,
    ),
  ];
  for (const area of CHANGE_AREAS) {
    const inArea = changes.changes.filter((change) => change.area === area);
    if (inArea.length === 0) continue;
    blocks.push(paragraph(strong(AREA_TITLES[area])), list(inArea.map((change) => change.text)));
  }
  return blocks;
}

/** `40%`, `33.3%`. */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function repShareText(rep: RepShareChange, name: (email: string) => string): string {
  const before = rep.before ? percent(rep.before.share) : "not a member";
  const after = rep.after ? percent(rep.after.share) : "not a member";
  const weights =
    rep.before && rep.after && rep.before.weight !== rep.after.weight
      ? `weight ${rep.before.weight} -> ${rep.after.weight}`
      : `weight ${(rep.after ?? rep.before)!.weight}`;
  const away =
    rep.after && rep.after.awayDays.length > 0
      ? `, away ${rep.after.awayDays.length} day${rep.after.awayDays.length === 1 ? "" : "s"}`
      : "";
  return `${name(rep.rep)} ${before} -> ${after} (${weights}${away})`;
}

/** One line per pool and week: each member's expected share of the pool's leads, before -> after. */
export function shareLine(pool: PoolShareChange, name: (email: string) => string): string {
  return (
    `Pool ${pool.pool}, week of ${pool.from} (${pool.days} business day${pool.days === 1 ? "" : "s"}): ` +
    pool.reps.map((rep) => repShareText(rep, name)).join("; ")
  );
}

/** The expected shares that move, one line per pool and week. */
export function shareBlocks(shares: readonly PoolShareChange[], name: (email: string) => string): Block[] {
  if (shares.length === 0) return [paragraph("No rep's expected share of leads changes.")];
  return [
    paragraph(
      "Expected share of each pool's leads per rep, before -> after (weighted round robin; a rep out of office " +
        "takes no leads that day):",
    ),
    list(shares.map((pool) => shareLine(pool, name))),
  ];
}

/** The changes and shares as plain JSON (whole values, rep emails). */
export function routingChangesJson(
  changes: RoutingChanges,
  shares: readonly PoolShareChange[],
): Record<string, unknown> {
  return {
    base: changes.base,
    head: changes.head,
    changes: changes.changes.map((change) => ({
      area: change.area,
      kind: change.kind,
      subject: change.subject,
      rep: change.rep ?? null,
      field: change.field ?? null,
      from: change.from ?? null,
      to: change.to ?? null,
      text: change.text,
    })),
    expectedShares: shares.map((pool) => ({
      pool: pool.pool,
      from: pool.from,
      to: pool.to,
      days: pool.days,
      reps: pool.reps,
    })),
  };
}

/**
 * The routing changes, each on its own line (never left out), then the expected shares in their
 * own section (folded, and left out of a size-limited comment first: a line per pool and week is
 * long in a large organisation).
 */
export function routingReportBlocks(
  changes: RoutingChanges,
  shares: readonly PoolShareChange[],
  name: (email: string) => string,
  baseName: string,
): Block[] {
  const blocks = routingChangesBlocks(changes, baseName);
  if (changes.changes.length === 0) return blocks;
  return [
    ...blocks,
    section("shares", 4, "Expected share of leads", shareBlocks(shares, name), { fold: true, omittable: true }),
  ];
}
