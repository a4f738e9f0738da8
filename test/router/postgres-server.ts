/**
 * A throwaway PostgreSQL server for the replica tests: initdb into a temporary folder, pg_ctl
 * start on a free loopback port, trust authentication for one user. PostgreSQL refuses to run as
 * root, so as root the cluster belongs to the `postgres` system user (Debian's package creates it).
 * Missing binaries are an error, never a skip: CI installs the `postgresql` package (.ci/run).
 */
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

export interface PostgresServer {
  url: string;
  stop(): void;
}

function findBinary(name: string): string {
  const candidates = [
    ...(process.env.PATH ?? "").split(path.delimiter).map((dir) => path.join(dir, name)),
    ...(existsSync("/usr/lib/postgresql")
      ? readdirSync("/usr/lib/postgresql")
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => path.join("/usr/lib/postgresql", version, "bin", name))
      : []),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `PostgreSQL's ${name} was not found on PATH or in /usr/lib/postgresql/*/bin: install the Debian package ` +
        "(apt-get install -y postgresql), as .ci/run does. The replica tests need a real server.",
    );
  }
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<PostgresServer> {
  const initdb = findBinary("initdb");
  const pgCtl = findBinary("pg_ctl");
  const root = mkdtempSync(path.join(os.tmpdir(), "routeops-pg-"));
  const dataDir = path.join(root, "data");
  const asRoot = process.getuid?.() === 0;
  let uid: number | undefined;
  let gid: number | undefined;
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    try {
      uid = id("-u");
      gid = id("-g");
    } catch {
      throw new Error("Running as root, PostgreSQL needs the `postgres` system user (apt-get install -y postgresql).");
    }
    chmodSync(root, 0o755);
    chownSync(root, uid, gid);
  }
  const run = (file: string, args: string[]) =>
    execFileSync(file, args, {
      stdio: "pipe",
      ...(asRoot ? { uid: uid!, gid: gid! } : {}),
      env: { ...process.env, LC_ALL: "C" },
    });
  run(initdb, ["-D", dataDir, "-U", "routeops", "-A", "trust", "--no-sync", "-E", "UTF8"]);
  const port = await freePort();
  run(pgCtl, [
    "-D",
    dataDir,
    "-l",
    path.join(root, "server.log"),
    "-w",
    "-t",
    "120",
    "-o",
    `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`,
    "start",
  ]);
  return {
    url: `postgres://routeops@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(pgCtl, ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
