/**
 * Runs a routing config module in a worker thread with a deadline. Loading a config is running
 * the user's code: a module that never finishes (an endless loop at import) must fail with a
 * clear error instead of hanging `validate` or `emulator --seed`, and only a separate thread can
 * be stopped while it loops. The caller stays synchronous: it blocks on a shared flag (with a
 * timeout) that the worker raises when its one message is posted.
 *
 * The worker loads TypeScript with jiti (https://github.com/unjs/jiti, also used by checkly-cli
 * and c12): transpiled with Babel, cached on disk, so a second load of an unchanged file costs no
 * transpiling. `routeops` is aliased to the running package, so `import { defineRouting } from
 * "routeops"` works in this repository, in a copy of it and in a project that installed it.
 */
import { createRequire } from "node:module";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { SECRET_ENV_VARIABLES } from "../secrets";

/** What the worker sends back. */
export type WorkerOutcome =
  | {
      kind: "loaded";
      /** The module's default export (or `routing` export), as data. */
      config: unknown;
      /** Names the module exports (for "exports no routing config"). */
      exportNames: string[];
      /** Every module file the load read (absolute paths). */
      files: string[];
    }
  | { kind: "threw"; error: { name: string; message: string; stack: string; syntax: boolean } }
  | { kind: "timed_out" };

export interface WorkerLoad {
  entryFile: string;
  /** Module specifier -> absolute path, for jiti. */
  alias: Record<string, string>;
  timeoutMs: number;
}

// Plain CommonJS run by the worker (eval), so it works the same from dist/ and from sources.
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { entryFile, jitiPath, alias, port, flag } = workerData;
const finish = (message) => {
  try {
    port.postMessage(message);
  } catch {
    // A value that cannot be copied (a function, a class with private state): send it as data.
    port.postMessage({ ...message, config: asData(message.config, new WeakSet()) });
  }
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
};
function asData(value, seen) {
  if (typeof value === "function") return "[function " + (value.name || "anonymous") + "]";
  if (typeof value === "symbol" || typeof value === "bigint") return String(value);
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => asData(item, seen));
  const copy = {};
  for (const [key, member] of Object.entries(value)) copy[key] = asData(member, seen);
  return copy;
}
try {
  const { createJiti } = require(jitiPath);
  const jiti = createJiti(entryFile, { alias, interopDefault: false, moduleCache: true });
  const exports = jiti(entryFile);
  const record = typeof exports === "object" && exports !== null ? exports : {};
  const config = record.default !== undefined ? record.default : record.routing;
  const files = Object.keys(require.cache);
  finish({ kind: "loaded", config, exportNames: Object.keys(record).filter((k) => k !== "__esModule"), files });
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  finish({
    kind: "threw",
    error: { name: e.name, message: e.message, stack: String(e.stack || ""), syntax: e instanceof SyntaxError },
  });
}
`;

/** Loads `entryFile` in a worker; gives up (and stops the worker) after `timeoutMs`. */
export function loadInWorker(load: WorkerLoad): WorkerOutcome {
  const jitiPath = createRequire(__filename).resolve("jiti");
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { entryFile: load.entryFile, jitiPath, alias: load.alias, port: port2, flag },
    transferList: [port2],
    // What the config prints is not the command's output (it would break --format json).
    stdout: true,
    stderr: true,
    // The config needs no secret: its code sees the environment without them (see configEnvironment).
    env: configEnvironment(process.env),
    // Loaders the command was started with (ts-node, tsx) are not needed: jiti loads the config.
    execArgv: [],
  });
  worker.unref();
  try {
    const waited = Atomics.wait(flag, 0, 0, load.timeoutMs);
    const received = receiveMessageOnPort(port1);
    if (waited === "timed-out" && !received) return { kind: "timed_out" };
    if (!received)
      return {
        kind: "threw",
        error: { name: "Error", message: "the config loader stopped without an answer", stack: "", syntax: false },
      };
    return received.message as WorkerOutcome;
  } finally {
    port1.close();
    void worker.terminate();
  }
}

/** Names of variables that hold a credential, beyond the ones RouteOps itself reads. */
const CREDENTIAL_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE_KEY|API_KEY|ACCESS_KEY|DATABASE_URL/i;

/**
 * The environment a config's code runs with: the command's, without RouteOps' secrets (the HubSpot
 * and GitHub tokens, the webhook and router secrets, the database URL) and without any variable
 * whose name says it holds a credential. A routing config is data and needs none of them; a pull
 * request's `routing/*.ts` is code its author wrote, and must not be able to read them from
 * `process.env`. This is defence in depth, not a sandbox: code that runs in the process can still
 * read the process's memory or `/proc/self/environ`. What keeps the write token away from pull
 * request code is that the PR workflow's jobs never hold it (docs/github.md).
 */
export function configEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const secret = new Set<string>(SECRET_ENV_VARIABLES);
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || secret.has(name) || CREDENTIAL_NAME.test(name)) continue;
    kept[name] = value;
  }
  return kept;
}
