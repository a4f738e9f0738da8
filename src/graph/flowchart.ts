/**
 * The routing as a Mermaid flowchart: the source identification layer (source types in order,
 * then the unclassified catch), then each system's rules in evaluation order: re-engagement
 * before inbound, then outbound. Rules are decision nodes; the condition is on the edge to the
 * outcome, `else` leads to the next rule. Compared with a base config, added, changed and
 * removed entries are highlighted.
 */
import type { HandoffModel, ReengagementRuleConfig, RoutingConfig, RuleConfig } from "../config/types";
import { peopleChanges, repNamer } from "../routing-changes/people";
import type { RoutingChange } from "../routing-changes/types";
import { routingChanges, type RoutingLayer, type RuleChange } from "./changes";
import {
  describeCondition,
  describeIntent,
  describeMatcher,
  describeOutcome,
  describeSlaAndNotification,
} from "./describe";
import { mermaidLabel, mermaidText } from "./mermaid-text";

/** Options of {@link routingGraph}. */
export interface RoutingGraphOptions {
  /** Highlight what differs from this config (for example the pull request's base branch). */
  base?: RoutingConfig;
}

/** A Mermaid flowchart of the routing and, with a base, what changed. */
export interface RoutingGraph {
  /** Mermaid source, starting with `flowchart TD`. */
  mermaid: string;
  /** Empty without a base. */
  changes: RuleChange[];
  /** Pool members added, removed or re-weighted, and pools added or removed; empty without a base. */
  poolChanges: RoutingChange[];
}

const STYLES = [
  "classDef added fill:#dafbe1,stroke:#1a7f37,stroke-width:2px,color:#0d1117",
  "classDef changed fill:#fff8c5,stroke:#9a6700,stroke-width:2px,color:#0d1117",
  "classDef removed fill:#ffebe9,stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 5,color:#0d1117",
];

const HANDOFF: Record<HandoffModel, string> = {
  original_rep: "original outbound rep owns the lead",
  inbound_pool: "inbound rules decide",
  collaborative: "inbound rules decide, original rep collaborates",
};

const PREFIX: Record<RoutingLayer, string> = {
  source: "src",
  reengagement: "re",
  inbound: "in",
  outbound: "out",
  unclassified: "unclassified",
};

/** Mermaid lines under construction; nodes are declared inside their subgraph before any edge crosses. */
class Flowchart {
  readonly lines: string[] = [];
  private depth = 1;
  private push(line: string): void {
    this.lines.push("  ".repeat(this.depth) + line);
  }
  node(id: string, shape: "decision" | "box" | "terminal" | "round", lines: string[]): void {
    const [open, close] = { decision: ["{", "}"], box: ["[", "]"], terminal: ["([", "])"], round: ["(", ")"] }[shape];
    this.push(`${id}${open}${mermaidLabel(lines)}${close}`);
  }
  /** An edge; a label of several lines shows them one under the other. */
  edge(from: string, to: string, label?: string | string[], dotted = false): void {
    const arrow = dotted ? "-.->" : "-->";
    this.push(
      label === undefined ? `${from} ${arrow} ${to}` : `${from} ${arrow}|${mermaidLabel([label].flat())}| ${to}`,
    );
  }
  subgraph(id: string, title: string, body: () => void): void {
    this.push(`subgraph ${id}[${mermaidLabel([title])}]`);
    this.depth++;
    body();
    this.depth--;
    this.push("end");
  }
  raw(line: string): void {
    this.push(line);
  }
}

function isCatchAll(rule: { when: object }): boolean {
  return Object.keys(rule.when).length === 0;
}

/** The chain of a system's rules: rule -> condition -> outcome, rule -> else -> next rule. */
function ruleChain<T extends RuleConfig | ReengagementRuleConfig>(
  chart: Flowchart,
  prefix: string,
  rules: T[],
  outcome: (rule: T) => string[],
): void {
  if (rules.length === 0) chart.node(`${prefix}_none`, "box", ["no rules"]);
  rules.forEach((rule, index) => {
    const id = `${prefix}_${index}`;
    chart.node(id, "decision", [rule.id]);
    chart.node(`${id}_to`, "box", outcome(rule));
    chart.edge(id, `${id}_to`, describeCondition(rule.when));
    if (index + 1 < rules.length) chart.edge(id, `${prefix}_${index + 1}`, "else");
    else if (!isCatchAll(rule)) {
      chart.node(`${prefix}_none`, "box", ["no rule matched"]);
      chart.edge(id, `${prefix}_none`, "else");
    }
  });
}

const first = (prefix: string, rules: unknown[]): string => (rules.length > 0 ? `${prefix}_0` : `${prefix}_none`);

function describeRule(rule: RuleConfig): string[] {
  return [describeOutcome(rule.outcome), describeSlaAndNotification(rule.sla, rule.notification)];
}

/** The routing config as a Mermaid flowchart; with `options.base`, its changes highlighted. */
export function routingGraph(config: RoutingConfig, options: RoutingGraphOptions = {}): RoutingGraph {
  const chart = new Flowchart();
  const { inbound, outbound } = config.systems;
  const reengagement = config.reengagement;
  const sources = config.sources;
  chart.lines.push(`%% RouteOps routing ${mermaidText(config.version)}`, "flowchart TD");
  chart.node("event", "terminal", ["Contact event"]);

  chart.subgraph("identification", "Source identification: first match wins", () => {
    sources.forEach((source, index) => {
      const intent = describeIntent(source.intent);
      chart.node(`src_${index}`, "decision", [`${index + 1}. ${source.id}`, source.label, ...(intent ? [intent] : [])]);
    });
    chart.node("unclassified", "box", [
      `unclassified: rule ${config.unclassified.rule}`,
      `queue ${config.unclassified.queue}`,
      describeSlaAndNotification(config.unclassified.sla, config.unclassified.notification),
    ]);
    sources.forEach((_, index) => {
      chart.edge(`src_${index}`, index + 1 < sources.length ? `src_${index + 1}` : "unclassified", "else");
    });
  });
  chart.node("sys_inbound", "round", ["Inbound system"]);
  chart.node("sys_outbound", "round", ["Outbound system"]);

  chart.subgraph("reengagement_rules", "Re-engagement: checked before inbound rules", () => {
    chart.node("re_check", "decision", [
      "re-engagement?",
      `outbound touch (${reengagement.touchKinds.join(", ")}) in the last ${reengagement.lookbackDays} days`,
      `treated as intent ${reengagement.intent}`,
    ]);
    ruleChain(chart, "re", reengagement.rules, (rule) => [
      HANDOFF[rule.handoff],
      `re-engagement, ${describeSlaAndNotification(rule.sla, rule.notification)}`,
    ]);
    chart.edge("re_check", first("re", reengagement.rules), "yes");
  });
  chart.subgraph("inbound_rules", "Inbound rules: first match wins", () =>
    ruleChain(chart, "in", inbound.rules, describeRule),
  );
  chart.subgraph("outbound_rules", "Outbound rules: first match wins", () =>
    ruleChain(chart, "out", outbound.rules, describeRule),
  );

  chart.edge("event", sources.length > 0 ? "src_0" : "unclassified");
  sources.forEach((source, index) => {
    const matchers = source.matchers.map((matcher, i) => (i === 0 ? "" : "or ") + describeMatcher(matcher));
    chart.edge(`src_${index}`, `sys_${source.system}`, matchers);
  });
  chart.edge("sys_inbound", "re_check");
  chart.edge("re_check", first("in", inbound.rules), "no");
  reengagement.rules.forEach((rule, index) => {
    if (rule.handoff !== "original_rep")
      chart.edge(`re_${index}_to`, first("in", inbound.rules), "inbound rules", true);
  });
  chart.edge("sys_outbound", first("out", outbound.rules));

  const poolChanges = options.base
    ? peopleChanges(config, options.base).filter((change) => change.area === "pools" && change.kind !== "changed")
    : [];
  drawPools(chart, config, poolChanges, repNamer(config, options.base ?? config));
  const changes = options.base ? routingChanges(config, options.base) : [];
  if (options.base) highlight(chart, config, options.base, changes, poolChanges);
  return { mermaid: chart.lines.join("\n") + "\n", changes, poolChanges };
}

/** Members shown in a pool's node before "and N more". */
const MEMBERS_SHOWN = 12;

/** Who is in each pool, with weights; members added, removed or re-weighted marked. */
function drawPools(chart: Flowchart, config: RoutingConfig, changes: RoutingChange[], name: (email: string) => string) {
  if (config.pools.length === 0) return;
  chart.subgraph("pools", "Pools: who shares the leads (weight)", () => {
    config.pools.forEach((pool, index) => {
      const of = (rep: string, kind: RoutingChange["kind"]) =>
        changes.find((c) => c.subject === pool.id && c.kind === kind && c.rep?.toLowerCase() === rep.toLowerCase());
      const lines = pool.members.map((member) => {
        const weight = member.weight ?? 1;
        if (of(member.rep, "member-added")) return `+ ${name(member.rep)} ×${weight} (joined)`;
        const reweighted = of(member.rep, "weight");
        return reweighted ? `~ ${name(member.rep)} ×${reweighted.from} → ×${weight}` : `${name(member.rep)} ×${weight}`;
      });
      const marked = lines.filter((line) => /^[+~] /.test(line));
      const plain = lines.filter((line) => !/^[+~] /.test(line));
      const gone = changes
        .filter((c) => c.subject === pool.id && c.kind === "member-removed")
        .map((c) => `− ${name(c.rep ?? "")} ×${c.from} (left)`);
      const shown = [...marked, ...gone, ...plain];
      const label = pool.label && pool.label !== pool.id ? `${pool.label} (${pool.id})` : `pool ${pool.id}`;
      chart.node(`pool_${index}`, "round", [
        label,
        ...shown.slice(0, MEMBERS_SHOWN),
        ...(shown.length > MEMBERS_SHOWN ? [`and ${shown.length - MEMBERS_SHOWN} more`] : []),
      ]);
    });
  });
}

/** Node ids of an entry of the current config (the rule and its outcome). */
function nodesOf(config: RoutingConfig, layer: RoutingLayer, id: string): string[] {
  if (layer === "unclassified") return ["unclassified"];
  const list =
    layer === "source"
      ? config.sources
      : layer === "reengagement"
        ? config.reengagement.rules
        : config.systems[layer].rules;
  const index = list.findIndex((entry) => entry.id === id);
  if (index < 0) return [];
  const node = `${PREFIX[layer]}_${index}`;
  return layer === "source" ? [node] : [node, `${node}_to`];
}

function highlight(
  chart: Flowchart,
  config: RoutingConfig,
  base: RoutingConfig,
  changes: RuleChange[],
  poolChanges: RoutingChange[],
): void {
  const removed = changes.filter((change) => change.kind === "removed");
  if (removed.length > 0) {
    chart.subgraph("removed_rules", `Removed since the base (${base.version})`, () => {
      removed.forEach((change, index) => {
        chart.node(`gone_${index}`, "box", [change.id, `removed from ${change.layer}`]);
      });
    });
  }
  STYLES.forEach((style) => chart.raw(style));
  for (const kind of ["added", "changed"] as const) {
    const nodes = changes.filter((change) => change.kind === kind).flatMap((c) => nodesOf(config, c.layer, c.id));
    if (nodes.length > 0) chart.raw(`class ${nodes.join(",")} ${kind}`);
  }
  if (removed.length > 0) chart.raw(`class ${removed.map((_, index) => `gone_${index}`).join(",")} removed`);
  const poolNodes = (kinds: RoutingChange["kind"][]) =>
    config.pools
      .map((pool, index) => ({ pool, index }))
      .filter(({ pool }) => poolChanges.some((c) => c.subject === pool.id && kinds.includes(c.kind)))
      .map(({ index }) => `pool_${index}`);
  const added = poolNodes(["added"]);
  const changed = poolNodes(["member-added", "member-removed", "weight"]).filter((node) => !added.includes(node));
  if (added.length > 0) chart.raw(`class ${added.join(",")} added`);
  if (changed.length > 0) chart.raw(`class ${changed.join(",")} changed`);
}
