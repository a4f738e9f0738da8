/**
 * The demo's steps, in order, for each kind of run. A step reads what earlier steps left in the
 * shared state (the config, the emulator, the saved plan, the router, the routed leads) and adds
 * its own; when what it needs is missing, it is skipped with the reason. To add a step (an
 * escalation, a notification), write it in its own file and put it in the lists below.
 */
import path from "node:path";
import type { RoutingConfig } from "../../config/types";
import type { RunningEmulator } from "../../emulator";
import { openDatabase, type RouterDatabase } from "../../router";
import type { DemoClock } from "../clock";
import { generateLeads, otherOwners, type DemoLead } from "../leads/lead-inputs";
import type { Sleep } from "../leads/emulator-http";
import type { DemoOptions } from "../options";
import { auditStep } from "./audit";
import { deployStep } from "./deploy";
import { escalationStep } from "./escalation";
import { createSlackClient, startSlackStandin, type SlackStandin } from "../../slack";
import { randomBytes } from "node:crypto";
import { emulatorStep } from "./emulator";
import { fixturesStep } from "./fixtures";
import { leadsStep } from "./leads";
import { planStep } from "./plan";
import { portalAdapter, type DemoPortal } from "./portal";
import { routerStep, type DemoRouter } from "./router";
import type { StepId, StepOutcome } from "./step";
import { validateStep } from "./validate";
import { whyStep } from "./why";

/** What the steps share; each adds what it made. */
export interface DemoState {
  readonly options: DemoOptions;
  readonly cwd: string;
  readonly clock: DemoClock;
  /** A private folder for the run (saved plan, router database); removed at the end. */
  readonly scratch: string;
  readonly sleep: Sleep;
  readonly wallClock: () => number;
  /** The token the emulator requires, when the environment sets one (ROUTEOPS_EMULATOR_TOKEN). */
  readonly emulatorToken?: string;
  config?: RoutingConfig;
  leads?: DemoLead[];
  emulator?: RunningEmulator;
  /** The portal the steps plan, deploy and audit against. */
  portal?: DemoPortal;
  savedPlan?: string;
  router?: DemoRouter;
  /** The local Slack stand-in the router posts to (router mode). */
  slack?: SlackStandin;
  /** Leads the burst routed, in burst order. */
  routed?: { contactId: string; pool: string | null }[];
  /** Never shown, whatever a step says (tokens, the webhook secret). */
  secrets: string[];
  /** Run at the end of the demo, last first (what `prepare` started and no step took over). */
  cleanups: (() => Promise<void>)[];
  /** The router's database, opening since the demo started (PGlite's first start takes seconds). */
  routerDatabase?: Promise<RouterDatabase>;
}

/** One step: its id, what it needs, what it does. */
export interface DemoStep {
  id: StepId;
  /**
   * Starts slow work in the background, ahead of the step, once what it needs is there: called
   * after every step until it returns true. Never fails; `run` reports what went wrong.
   */
  prepare?(state: DemoState): boolean;
  /** Why the step cannot run with what earlier steps left; `null` when it can. */
  blockedBy(state: DemoState): string | null;
  run(state: DemoState): Promise<StepOutcome> | StepOutcome;
}

const needsConfig = (state: DemoState) =>
  state.config ? null : `the routing config ${state.options.config} does not validate`;
const needsPortal = (state: DemoState) =>
  needsConfig(state) ?? (state.portal ? null : "the HubSpot emulator did not start");
const needsRouter = (state: DemoState) => needsPortal(state) ?? (state.router ? null : "the router did not start");

const validate: DemoStep = {
  id: "validate",
  blockedBy: () => null,
  run(state) {
    const result = validateStep(state.options.config, state.cwd, state.clock.now());
    if (result.config) state.config = result.config;
    return result.outcome;
  },
};

const emulator: DemoStep = {
  id: "emulator",
  blockedBy: needsConfig,
  async run(state) {
    const config = state.config!;
    const leads = generateLeads(config, {
      count: state.options.leads,
      seed: state.options.seed,
      now: state.clock.now(),
    });
    state.leads = leads;
    const result = await emulatorStep({
      config,
      contacts: state.options.contacts,
      otherOwners: otherOwners(config, leads),
      clock: state.clock.now,
      seed: state.options.seed,
      ...(state.emulatorToken ? { token: state.emulatorToken } : {}),
    });
    if (result.emulator) {
      state.emulator = result.emulator;
      state.secrets.push(result.emulator.token);
      state.portal = {
        baseUrl: result.emulator.baseUrl,
        token: result.emulator.token,
        cwd: state.cwd,
        mode: state.options.mode,
      };
    }
    return result.outcome;
  },
};

const test: DemoStep = {
  id: "test",
  blockedBy: needsConfig,
  run: (state) => fixturesStep(state.options.config, state.options.fixtures, state.cwd),
};

const plan: DemoStep = {
  id: "plan",
  blockedBy: needsPortal,
  async run(state) {
    const readOnly = state.emulator === undefined;
    const result = await planStep(
      { config: state.options.config, at: state.clock.now(), scratch: state.scratch, readOnly },
      state.portal!,
    );
    if (result.savedPlan) state.savedPlan = result.savedPlan;
    return result.outcome;
  },
};

const deploy: DemoStep = {
  id: "deploy",
  blockedBy: needsPortal,
  run: (state) =>
    deployStep(
      {
        config: state.options.config,
        at: state.clock.now(),
        ...(state.savedPlan ? { savedPlan: state.savedPlan } : {}),
        wallClock: state.wallClock,
        sleep: state.sleep,
      },
      state.portal!,
    ),
};

const router: DemoStep = {
  id: "router",
  blockedBy: needsPortal,
  prepare(state) {
    // Only for a config that validated: a demo that stops at validate must not wait for a database.
    if (!state.config) return false;
    const opening = openDatabase({ dataDir: path.join(state.scratch, "router-db") });
    // Until the router step takes it over, the demo closes it (a step before may have failed).
    opening.catch(() => undefined);
    state.routerDatabase = opening;
    state.cleanups.push(async () => {
      if (state.router) return;
      await (await opening.catch(() => undefined))?.close();
    });
    return true;
  },
  async run(state) {
    // Slack as the router would reach it with a bot token: a local stand-in of Slack's Web API.
    const slackToken = `xoxb-demo-${randomBytes(12).toString("hex")}`;
    state.secrets.push(slackToken);
    const slack = await startSlackStandin({ token: slackToken });
    state.slack = slack;
    state.cleanups.push(() => slack.close());
    const result = await routerStep({
      database: state.routerDatabase ?? openDatabase({ dataDir: path.join(state.scratch, "router-db") }),
      config: state.config!,
      emulator: state.emulator!,
      portal: state.portal!,
      now: state.clock.now,
      slack: createSlackClient({
        connection: { kind: "bot", token: slackToken, apiUrl: slack.apiUrl, defaultChannel: "#inbound-leads" },
        sleep: state.sleep,
      }),
    });
    if (result.router) {
      state.router = result.router;
      state.secrets.push(...result.router.secrets);
    }
    return result.outcome;
  },
};

/** Leads created over HTTP; in router mode the router routes them, else the deployed workflows. */
const leads: DemoStep = {
  id: "leads",
  blockedBy: (state) => (state.options.mode === "router" ? needsRouter(state) : needsPortal(state)),
  async run(state) {
    const emulator = state.emulator!;
    const demoRouter = state.router;
    const result = await leadsStep({
      config: state.config!,
      leads: state.leads ?? [],
      hubspot: portalAdapter(state.portal!),
      baseUrl: emulator.baseUrl,
      token: emulator.token,
      clock: state.clock,
      sleep: state.sleep,
      secrets: state.secrets,
      routedBy: demoRouter
        ? { kind: "router", decision: async (contactId) => (await demoRouter.router.why(contactId))[0] }
        : { kind: "workflows" },
      afterEvents: async () => {
        finishDelayedRuns(emulator, state.clock);
        if (demoRouter) await untilRouted(demoRouter, state.sleep, state.wallClock);
      },
    });
    state.routed = result.routed;
    return result.outcome;
  },
};

const why: DemoStep = {
  id: "why",
  blockedBy: (state) =>
    needsRouter(state) ?? (state.routed && state.routed.length > 0 ? null : "no lead was routed by the router"),
  run: (state) => whyStep({ router: state.router!.router, routed: state.routed! }),
};

const escalation: DemoStep = {
  id: "escalation",
  blockedBy: (state) =>
    needsRouter(state) ??
    (state.slack ? null : "the Slack stand-in did not start") ??
    (state.routed && state.routed.length > 0 ? null : "no lead was routed by the router"),
  run: (state) =>
    escalationStep({
      config: state.config!,
      router: state.router!.router,
      database: state.router!.database,
      emulator: state.emulator!,
      clock: state.clock,
      slack: state.slack!,
      routed: state.routed!,
    }),
};

const audit: DemoStep = {
  id: "audit",
  blockedBy: needsPortal,
  run: (state) => auditStep({ config: state.options.config, now: state.clock.now() }, state.portal!),
};

/** The steps of a run: router mode (the default), workflows mode, or read-only against a real portal. */
export function demoSteps(kind: "router" | "workflows" | "read-only"): DemoStep[] {
  if (kind === "read-only") return [validate, test, plan, audit];
  if (kind === "workflows") return [validate, emulator, test, plan, deploy, leads, audit];
  return [validate, emulator, test, plan, deploy, router, leads, why, escalation, audit];
}

/**
 * Runs parked on a workflow delay (a contact created with no known cause waits 10 minutes) would
 * finish long after the demo: the emulator's clock is moved past the last wake-up instead, and
 * the executor catches up as HubSpot would have.
 */
function finishDelayedRuns(emulator: RunningEmulator, clock: DemoClock): void {
  const { workflows } = emulator;
  const wakeAt = workflows.runs.filter((run) => run.status === "waiting").map((run) => run.wakeAt ?? 0);
  if (wakeAt.length === 0) return;
  clock.advance(Math.max(...wakeAt) - clock.now() + 1);
  workflows.settle();
}

/** How long the router may take for the burst before the leads are read back as they are. */
const ROUTING_DEADLINE_MS = 120_000;

/** Waits until every webhook was delivered and the router has decided and written every request it learnt. */
async function untilRouted(demo: DemoRouter, sleep: Sleep, wallClock: () => number): Promise<void> {
  const deadline = wallClock() + ROUTING_DEADLINE_MS;
  for (;;) {
    await demo.webhooks.settled();
    const depth = await demo.router.queueDepth();
    if (depth.pending + depth.decided === 0 && demo.webhooks.pending === 0) return;
    if (wallClock() > deadline) return;
    await sleep(100);
  }
}
