import { readdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import nodePath from "node:path";
import { parseDump, type PortalDump } from "./portal/dump";
import { RouteOpsError } from "../errors";

/** The state file could not be read: the message names the file, the path inside it and what was expected. */
export class StateFileError extends RouteOpsError {
  override name = "StateFileError";
  constructor(message: string) {
    super("state_file", message);
  }
}

/** Reads a state file; undefined when it does not exist. */
export async function readStateFile(path: string): Promise<PortalDump | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new StateFileError(`${path}: cannot read the emulator state file (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  try {
    return parseDump(json);
  } catch (error) {
    throw new StateFileError(`${path}: not an emulator state file: ${(error as Error).message}`);
  }
}

/** The one temporary file a state file is written through. */
export function stateTempPath(path: string): string {
  return `${path}.tmp`;
}

/**
 * Removes temporary files an emulator that crashed (kill -9) left beside the state file: the
 * current `<file>.tmp` and the per-write `<file>.<hex>.tmp` names of earlier versions. Nothing
 * else in the folder is touched. Returns the names removed.
 */
export async function removeStaleTempFiles(path: string): Promise<string[]> {
  const folder = nodePath.dirname(path);
  const base = nodePath.basename(path);
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const stale = new RegExp(`^${escaped}(?:\\.[0-9a-f]{12})?\\.tmp$`);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter((entry) => stale.test(entry))) {
    await unlink(nodePath.join(folder, name)).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}

/**
 * Writes the state atomically: one temporary file beside the target (`<file>.tmp`, reused by every
 * write), then a rename, so that a reader (or a crash) never sees a half-written file and a crash
 * leaves at most that one file, removed at the next start. Writes are queued so that they land in order.
 */
export class StateWriter {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {}

  write(dump: () => PortalDump): Promise<void> {
    const next = this.queue.then(() => this.writeNow(dump()));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async writeNow(dump: PortalDump): Promise<void> {
    const temp = stateTempPath(this.path);
    try {
      await writeFile(temp, JSON.stringify(dump), "utf8");
      await rename(temp, this.path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw new StateFileError(`${this.path}: cannot write the emulator state file (${(error as Error).message})`);
    }
  }
}
