/**
 * Flow steps as a tree (chains, branches, labelled joins), numbered and written out as HubSpot
 * actions. Ids are assigned depth first in a fixed order, so the same config always yields the same
 * action ids; a branch or a jump ends its chain, and a chain continues inside each branch.
 */
import { MAX_LIST_BRANCHES } from "../../hubspot-contract/flows";
import { ACTION_TYPES, type ActionTypeKey } from "../action-types";
import type { FlowAction, FlowConnection } from "../model/flow";
import { toFilterBranch, type Cond } from "./filters";

export type Step =
  | { kind: "action"; actionType: ActionTypeKey; fields: Record<string, unknown> }
  | { kind: "branch"; branches: { name: string; when: Cond; steps: Step[] }[]; defaultName: string; otherwise: Step[] }
  /** Continue at the step that `label` marks (HubSpot: a GOTO edge). */
  | { kind: "goto"; label: string }
  /** Marks the next step of its chain as a jump target. */
  | { kind: "label"; label: string };

export function action(actionType: ActionTypeKey, fields: Record<string, unknown>): Step {
  return { kind: "action", actionType, fields };
}

/** A branch option; its steps are built only if the option survives folding. */
export interface BranchOption {
  name: string;
  when: Cond;
  steps: () => Step[];
}

/**
 * First-match branching with constant folding: false options vanish, a true option swallows the
 * rest (it becomes the default), and a branch with nothing left to decide is replaced by its
 * default steps. Steps are built lazily so that shared tails are only registered where emitted.
 */
export function branch(options: BranchOption[], defaultName: string, otherwise: () => Step[]): Step[] {
  const kept: BranchOption[] = [];
  let fallback = otherwise;
  for (const option of options) {
    if (option.when.kind === "false") continue;
    if (option.when.kind === "true") {
      fallback = option.steps;
      break;
    }
    kept.push(option);
  }
  if (kept.length === 0) return fallback();
  if (kept.length > MAX_LIST_BRANCHES) {
    // HubSpot allows 20 branches per if/then action: the first 19 options, then a chained action
    // for the rest. First match still wins, because the chain is only reached when none held.
    const head = kept.slice(0, MAX_LIST_BRANCHES - 1);
    const rest = kept.slice(MAX_LIST_BRANCHES - 1);
    return [
      {
        kind: "branch",
        branches: head.map((option) => ({ name: option.name, when: option.when, steps: option.steps() })),
        defaultName: `${defaultName} (more branches)`,
        otherwise: branch(rest, defaultName, fallback),
      },
    ];
  }
  return [
    {
      kind: "branch",
      branches: kept.map((option) => ({ name: option.name, when: option.when, steps: option.steps() })),
      defaultName,
      otherwise: fallback(),
    },
  ];
}

/** Hands out labels, and emits a shared tail once: later users jump to it. */
export class StepScope {
  private count = 0;
  private readonly shared = new Map<string, string>();

  label(name: string): string {
    this.count += 1;
    return `${name}#${this.count}`;
  }

  /** The steps built by `build` the first time `key` is asked for, a jump to them afterwards. */
  once(key: string, build: () => Step[]): Step[] {
    const existing = this.shared.get(key);
    if (existing) return [{ kind: "goto", label: existing }];
    const label = this.label(key);
    this.shared.set(key, label);
    return [{ kind: "label", label }, ...build()];
  }
}

interface Numbered {
  ids: Map<Step, string>;
  labels: Map<string, string>;
  /** A label right before a jump stands for the jump's target. */
  aliases: Map<string, string>;
}

function target(label: string, state: Numbered): string {
  let current = label;
  for (let hops = 0; hops <= state.aliases.size; hops++) {
    const id = state.labels.get(current);
    if (id !== undefined) return id;
    const next = state.aliases.get(current);
    if (next === undefined) break;
    current = next;
  }
  throw new Error(`label ${label} marks no step`);
}

function number(chain: Step[], state: Numbered, next: { value: number }): void {
  let pending: string[] = [];
  chain.forEach((step, index) => {
    if (step.kind === "label") {
      pending.push(step.label);
      return;
    }
    if (step.kind === "goto") {
      if (index !== chain.length - 1) throw new Error(`jump to ${step.label} must end its chain`);
      for (const label of pending) state.aliases.set(label, step.label);
      pending = [];
      return;
    }
    const id = String(next.value++);
    state.ids.set(step, id);
    for (const label of pending) state.labels.set(label, id);
    pending = [];
    if (step.kind === "branch") {
      if (index !== chain.length - 1) throw new Error("a branch must end its chain");
      for (const option of step.branches) number(option.steps, state, next);
      number(step.otherwise, state, next);
    }
  });
  if (pending.length > 0) throw new Error(`label ${pending.join(", ")} marks no step`);
}

/** The connection into the first step of `chain` (after its labels), or none when it is empty. */
function entry(chain: Step[], state: Numbered): FlowConnection | undefined {
  for (const step of chain) {
    if (step.kind === "label") continue;
    if (step.kind === "goto") return { edgeType: "GOTO", nextActionId: target(step.label, state) };
    return { edgeType: "STANDARD", nextActionId: state.ids.get(step) as string };
  }
  return undefined;
}

function emit(chain: Step[], state: Numbered, out: FlowAction[]): void {
  chain.forEach((step, index) => {
    const id = state.ids.get(step);
    if (id === undefined) return;
    if (step.kind === "action") {
      const type = ACTION_TYPES[step.actionType];
      const connection = entry(chain.slice(index + 1), state);
      out.push({
        actionId: id,
        type: "SINGLE_CONNECTION",
        actionTypeId: type.actionTypeId,
        actionTypeVersion: type.actionTypeVersion,
        fields: step.fields,
        ...(connection ? { connection } : {}),
      });
    } else if (step.kind === "branch") {
      const otherwise = entry(step.otherwise, state);
      out.push({
        actionId: id,
        type: "LIST_BRANCH",
        listBranches: step.branches.map((option) => {
          const connection = entry(option.steps, state);
          return {
            branchName: option.name,
            filterBranch: toFilterBranch(option.when),
            ...(connection ? { connection } : {}),
          };
        }),
        defaultBranchName: step.defaultName,
        ...(otherwise ? { defaultBranch: otherwise } : {}),
      });
      for (const option of step.branches) emit(option.steps, state, out);
      emit(step.otherwise, state, out);
    }
  });
}

/** Numbered HubSpot actions for a step tree, in id order. */
export function toActions(chain: Step[]): {
  actions: FlowAction[];
  startActionId: string;
  nextAvailableActionId: string;
} {
  const state: Numbered = { ids: new Map(), labels: new Map(), aliases: new Map() };
  const next = { value: 1 };
  number(chain, state, next);
  const out: FlowAction[] = [];
  emit(chain, state, out);
  const start = entry(chain, state);
  if (!start) throw new Error("a flow needs at least one action");
  out.sort((a, b) => Number(a.actionId) - Number(b.actionId));
  return { actions: out, startActionId: start.nextActionId, nextAvailableActionId: String(next.value) };
}
