import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_ACTION_TYPES } from "./action-types";
import { FlowExecutor } from "./flows-exec/executor";
import { withWorkflows } from "./flows-exec/routes";
import { FaultInjector } from "./http/faults";
import { RateLimiter } from "./http/rate-limiter";
import { RequestLog } from "./http/request-log";
import { Router } from "./http/router";
import { handleRequest, type Pipeline } from "./http/server";
import type { EmulatorOptions, RunningEmulator } from "./options";
import { dumpPortal, loadPortal } from "./portal/dump";
import { Portal } from "./portal/portal";
import { ALL_ROUTES } from "./routes";
import { seedDeployed } from "./seed/deployed";
import { DEFAULT_SEED_NOW, seedPortal } from "./seed/portal-seed";
import { readStateFile, removeStaleTempFiles, StateWriter } from "./state-file";
import { RouteOpsError } from "../errors";
import { checkWebhookOptions, WebhookDelivery } from "./webhooks/delivery";

/** A bad option: the message names the option and what was expected. */
export class EmulatorOptionError extends RouteOpsError {
  override name = "EmulatorOptionError";
  constructor(message: string) {
    super("emulator_option", message);
  }
}

function checkOptions(options: EmulatorOptions): void {
  const fail = (message: string) => {
    throw new EmulatorOptionError(message);
  };
  if (options.port !== undefined && (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)) {
    fail(`port: expected an integer from 0 to 65535, got ${options.port}`);
  }
  if (options.token !== undefined && !/^\S{8,}$/.test(options.token))
    fail("token: expected at least 8 characters, no spaces");
  if (options.faults) {
    const { rate, seed, slowMs } = options.faults;
    if (!(rate >= 0 && rate <= 1)) fail(`faults.rate: expected a share from 0 to 1, got ${rate}`);
    if (!Number.isInteger(seed)) fail(`faults.seed: expected an integer, got ${seed}`);
    if (slowMs !== undefined && !(slowMs >= 0)) fail(`faults.slowMs: expected a non-negative number, got ${slowMs}`);
  }
  if (options.rateLimits) {
    for (const [name, value] of Object.entries(options.rateLimits)) {
      if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
        fail(`rateLimits.${name}: expected a positive integer, got ${String(value)}`);
      }
    }
  }
  if (options.searchLagMs !== undefined && !(options.searchLagMs >= 0)) {
    fail(`searchLagMs: expected a non-negative number, got ${options.searchLagMs}`);
  }
  if (options.webhooks) {
    checkWebhookOptions(options.webhooks, (message) => {
      throw new EmulatorOptionError(message);
    });
  }
  const contacts = options.seed?.contacts;
  if (contacts !== undefined && !(Number.isInteger(contacts) && contacts >= 0)) {
    fail(`seed.contacts: expected a non-negative integer, got ${contacts}`);
  }
}

/**
 * Starts a local HubSpot emulator on 127.0.0.1: the portal comes from the state file when it
 * exists, else from the seed (or empty). Resolves once it listens. `workflows` is the flow
 * executor that runs the portal's enabled flows (docs/emulator.md, "Workflow execution").
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  checkOptions(options);
  const clock = options.clock ?? Date.now;
  const token = options.token ?? `pat-emulator-${randomBytes(24).toString("hex")}`;
  const portal = new Portal({
    clock,
    searchLagMs: options.searchLagMs ?? 0,
    actionTypes: options.actionTypes ?? DEFAULT_ACTION_TYPES,
  });
  const startingPortal = () => {
    portal.clear();
    if (options.seed) seedPortal(portal, options.seed);
    if (options.seed?.deployed) seedDeployed(portal, options.seed.deployed, options.seed.now ?? DEFAULT_SEED_NOW);
  };
  if (options.statePath) await removeStaleTempFiles(options.statePath);
  const writer = options.statePath ? new StateWriter(options.statePath) : undefined;
  const saved = options.statePath ? await readStateFile(options.statePath) : undefined;
  if (saved) loadPortal(portal, saved);
  else startingPortal();
  // Rotation positions live in the executor; the state file keeps them so that a restart continues each rotation.
  const workflows = new FlowExecutor(
    portal,
    saved?.rotationPositions ? { rotationPositions: saved.rotationPositions } : {},
  );
  const persist = writer ? () => writer.write(() => dumpPortal(portal, workflows.rotationPositions())) : undefined;
  if (persist && !saved) await persist();
  workflows.start();
  const webhooks = options.webhooks ? new WebhookDelivery(portal, options.webhooks) : undefined;
  webhooks?.start();

  const limiter = options.rateLimits === false ? undefined : new RateLimiter(options.rateLimits ?? {});
  const requests = new RequestLog();
  const pipeline: Pipeline = {
    portal,
    router: new Router(withWorkflows(ALL_ROUTES, workflows)),
    token,
    log: requests,
    clock,
    revision: () => portal.revision + workflows.rotationTurns,
    control: {
      reset() {
        startingPortal();
        limiter?.reset();
        workflows.reset();
      },
    },
    ...(limiter ? { limiter } : {}),
    ...(options.faults ? { faults: new FaultInjector(options.faults) } : {}),
    ...(persist ? { persist } : {}),
  };
  const handler = handleRequest(pipeline);
  const server = createServer((request, response) => {
    handler(request, response).catch(() => response.destroy());
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    token,
    portal,
    requests,
    workflows,
    webhooks,
    close() {
      workflows.stop();
      void webhooks?.close();
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
