/**
 * The router's database adapter: PGlite (PostgreSQL compiled to WebAssembly, embedded in a folder)
 * by default, a PostgreSQL server through `pg` when a connection string is given. Both run the
 * same SQL; migrations in `./migrations` (NNN_name.sql) are applied in order on open.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { redactSecrets } from "../secrets";

/** Something that runs SQL with `$1` parameters. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface RouterDatabase extends Sql {
  /** `pglite` (embedded) or `postgres` (a server). */
  readonly kind: "pglite" | "postgres";
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string (`DATABASE_URL`). Never printed. */
  databaseUrl?: string | undefined;
  /** The PGlite folder when there is no `databaseUrl` (created when missing); `memory://` keeps it in memory. */
  dataDir?: string;
}

/** The database could not be opened or migrated; the message never holds the connection string. */
export class RouterDatabaseError extends Error {
  override name = "RouterDatabaseError";
}

export const MIGRATIONS_DIR = path.join(__dirname, "migrations");

/** Opens the database and applies the migrations it has not seen yet. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<RouterDatabase> {
  const db = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}

async function openPglite(dataDir = "memory://"): Promise<RouterDatabase> {
  // PGlite is ESM-first; its CommonJS build loads under Node 20 (checked with Node 20.20).
  const { PGlite } = await import("@electric-sql/pglite");
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  let pg: InstanceType<typeof PGlite>;
  try {
    pg = await PGlite.create(dataDir);
  } catch (error) {
    throw new RouterDatabaseError(`Could not open the embedded database in ${dataDir}: ${messageOf(error)}`);
  }
  return {
    kind: "pglite",
    query: async <T>(text: string, params?: unknown[]) => ({ rows: (await pg.query<T>(text, params)).rows }),
    transaction: (work) =>
      pg.transaction((tx) =>
        work({
          query: async <T>(text: string, params?: unknown[]) => ({ rows: (await tx.query<T>(text, params)).rows }),
        }),
      ),
    close: () => pg.close(),
  };
}

async function openPostgres(databaseUrl: string): Promise<RouterDatabase> {
  const { Pool } = await import("pg");
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new RouterDatabaseError(`Could not connect to PostgreSQL (DATABASE_URL): ${messageOf(error, databaseUrl)}`);
  }
  return {
    kind: "postgres",
    query: async <T>(text: string, params?: unknown[]) => ({
      rows: (await pool.query(text, params as unknown[])).rows as T[],
    }),
    async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({
          query: async <R>(text: string, params?: unknown[]) => ({
            rows: (await client.query(text, params as unknown[])).rows as R[],
          }),
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** One migration file: `NNN_name.sql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: readFileSync(path.join(dir, file), "utf8"),
    }));
}

// Replicas starting together must not apply a migration twice: one takes this lock, the others wait.
const MIGRATION_LOCK = 7_713_001;

/** Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction. */
export async function migrate(db: RouterDatabase, migrations = readMigrations()): Promise<number[]> {
  await db.query(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const applied: number[] = [];
  for (const migration of migrations) {
    await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      const seen = await tx.query("SELECT 1 FROM schema_migrations WHERE version = $1", [migration.version]);
      if (seen.rows.length > 0) return;
      await execScript(tx, migration.sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    });
  }
  return applied;
}

/** Runs a script statement by statement (our migrations hold no `;` inside statements). */
async function execScript(tx: Sql, script: string): Promise<void> {
  const withoutComments = script
    .split("\n")
    .map((line) => line.replace(/--.*$/, ""))
    .join("\n");
  for (const statement of withoutComments.split(";")) {
    if (statement.trim() !== "") await tx.query(statement);
  }
}

function messageOf(error: unknown, secret?: string): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactSecrets(text, [secret]);
}
