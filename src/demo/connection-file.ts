/**
 * With `--keep-running`, how other commands reach the demo's emulator: a small env file, readable
 * by the user only, outside the report folder (reports never hold the token). Removed when the
 * demo stops.
 */
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** Writes `HUBSPOT_BASE_URL` and `HUBSPOT_ACCESS_TOKEN` for the emulator; returns the file's path. */
export async function writeConnectionFile(baseUrl: string, token: string): Promise<string> {
  const port = new URL(baseUrl).port;
  const file = path.join(tmpdir(), `routeops-demo-${port}.env`);
  // A file left by an earlier run keeps its mode on rewrite: start afresh so that 0600 applies.
  await rm(file, { force: true });
  await writeFile(file, `HUBSPOT_BASE_URL=${baseUrl}\nHUBSPOT_ACCESS_TOKEN=${token}\n`, { mode: 0o600 });
  return file;
}

export async function removeConnectionFile(file: string): Promise<void> {
  await rm(file, { force: true });
}
