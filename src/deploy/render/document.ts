/**
 * The plan as a report document (see `report/doc.ts`), for Markdown: the routing changes in the
 * routing's own words first (when the caller has a base config to compare with), then what
 * changed outside RouteOps, then the HubSpot object view (properties, workflows) collapsed, with
 * whole values, never cut short. Every name and value is escaped by the document's renderer.
 */
import {
  code,
  details,
  list,
  paragraph,
  section,
  strong,
  table,
  type Block,
  type ListItem,
  type ReportDocument,
  type Section,
} from "../../report/doc";
import { describeDrift } from "../plan/drift";
import type { Plan } from "../plan/types";
import {
  actionable,
  changeLine,
  creationSummary,
  heading,
  modeLine,
  NO_CHANGES,
  objectName,
  warningLine,
} from "./format";

/** Marks the comment so that a later plan replaces it instead of adding another. */
export const PLAN_COMMENT_MARKER = "<!-- routeops:plan -->";

const ACTION_WORDS = {
  create: "create",
  update: "update in-place",
  delete: "destroy",
  archive: "destroy (archive)",
} as const;

export interface PlanDocumentOptions {
  /** The routing changes (and expected shares) compared with the base config, as blocks. */
  routing?: Block[];
}

/** The HubSpot object view: what deploy writes, object by object, with every field change in full. */
export function hubSpotObjectsSection(plan: Plan): Section {
  const items = actionable(plan);
  const blocks: Block[] = [];
  if (items.length === 0) blocks.push(paragraph(NO_CHANGES));
  else {
    blocks.push(
      table(
        ["Action", "Object", "Details"],
        items.map((item) => [
          ACTION_WORDS[item.action as keyof typeof ACTION_WORDS],
          [objectName(item), item.id ? ` (id ${item.id})` : ""],
          item.action === "create"
            ? creationSummary(item)
            : (item.reason ?? `${item.changes.length} field change${item.changes.length === 1 ? "" : "s"}`),
        ]),
      ),
    );
    const changed = items.filter((item) => item.changes.length > 0);
    if (changed.length > 0) {
      const entries: ListItem[] = changed.map((item) => ({
        text: strong(heading(item)),
        children: [
          list(
            item.changes.map((change) => {
              const line = changeLine(change, Number.POSITIVE_INFINITY);
              return [code(line.symbol), " ", line.text];
            }),
          ),
        ],
      }));
      blocks.push(paragraph(strong("Field changes")), list(entries));
    }
  }
  const leftAlone = plan.items.filter((item) => item.action === "unmanaged" || item.action === "blocked");
  if (leftAlone.length > 0) {
    blocks.push(
      paragraph(strong("Left untouched")),
      list(
        leftAlone.map((item) => [
          item.action === "blocked" ? strong("blocked") : "not managed",
          `: ${objectName(item)}: ${item.reason ?? ""}`,
        ]),
      ),
    );
  }
  if (plan.warnings.length > 0) {
    blocks.push(
      details(`Warnings: where HubSpot cannot do exactly what the engine does (${plan.warnings.length})`, [
        list(plan.warnings.map(warningLine)),
      ]),
    );
  }
  const { add, change, destroy } = plan.summary;
  const title = `HubSpot objects (properties, workflows): ${add} to add, ${change} to change, ${destroy} to destroy`;
  return section("plan-objects", 4, title, blocks, { collapsed: true, omittable: true });
}

/** The plan's blocks under a level-3 heading (the PR comment puts them in its own report). */
export function planSectionBlock(plan: Plan, options: PlanDocumentOptions = {}): Section {
  const { add, change, destroy } = plan.summary;
  const blocks: Block[] = [
    paragraph(`Config ${plan.configVersion}, computed for ${new Date(plan.computedFor).toISOString()}.`),
    paragraph(modeLine(plan)),
    paragraph(
      strong(
        add + change + destroy === 0 ? NO_CHANGES : `Plan: ${add} to add, ${change} to change, ${destroy} to destroy.`,
      ),
    ),
  ];
  if (options.routing) blocks.push(section("plan-routing", 4, "What changes in the routing", options.routing));
  if (plan.drift.length > 0) {
    blocks.push(section("plan-drift", 4, "Changed outside RouteOps", [list(plan.drift.map(describeDrift))]));
  }
  blocks.push(hubSpotObjectsSection(plan));
  return section("plan", 3, "RouteOps plan", blocks);
}

export function planDocument(plan: Plan, options: PlanDocumentOptions = {}): ReportDocument {
  return { marker: PLAN_COMMENT_MARKER, blocks: [planSectionBlock(plan, options)] };
}
