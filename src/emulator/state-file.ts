import { randomBytes } from "node:crypto";
import { readFile, rename, unlink, writeFile } from "node:fs/promises";
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

/**
 * Writes the state atomically: a temporary file beside the target, then a rename, so that a
 * reader (or a crash) never sees a half-written file. Writes are queued so that they land in order.
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
    const temp = `${this.path}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await writeFile(temp, JSON.stringify(dump), "utf8");
      await rename(temp, this.path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw new StateFileError(`${this.path}: cannot write the emulator state file (${(error as Error).message})`);
    }
  }
}
