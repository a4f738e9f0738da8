/**
 * A throwaway git repository shaped like a RevOps routing repo: `routing/` and a few fixture
 * folders copied from the reference organisation (test/reference), `src/` and `node_modules/`
 * linked (not committed). Git runs isolated from the machine's configuration.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { copyReferenceProject } from "../support/reference";

export const projectRoot = path.resolve(__dirname, "../..");

/** Environment for git: no global or system config (hooks, signing, aliases), a fixed author. */
export const ISOLATED_GIT_ENV = {
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_NAME: "RouteOps Test",
  GIT_AUTHOR_EMAIL: "test@acme.test",
  GIT_COMMITTER_NAME: "RouteOps Test",
  GIT_COMMITTER_EMAIL: "test@acme.test",
  GIT_AUTHOR_DATE: "2026-03-02T09:00:00Z",
  GIT_COMMITTER_DATE: "2026-03-02T09:00:00Z",
} as const;

export interface RoutingRepository {
  dir: string;
  git(...args: string[]): string;
  /** Replaces `from` by `to` in a file of the repository (it must occur exactly once). */
  edit(file: string, from: string, to: string): void;
  commit(message: string): void;
  remove(): void;
}

/** Creates the repository with one commit on `main`. */
export function routingRepository(fixtureFolders: string[]): RoutingRepository {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "routeops-pr-"));
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: dir, stdio: "pipe", env: { ...process.env, ...ISOLATED_GIT_ENV } }).toString(
      "utf8",
    );
  git("init", "-q", "-b", "main");
  for (const [key, value] of [
    ["user.name", "RouteOps Test"],
    ["user.email", "test@acme.test"],
    ["core.hooksPath", "/dev/null"],
    ["commit.gpgsign", "false"],
    ["tag.gpgsign", "false"],
  ]) {
    git("config", key!, value!);
  }
  copyReferenceProject(dir, { fixtures: fixtureFolders });
  // These tests read the plan's workflow changes: deploy the routing as workflows (router mode's plan
  // changes little when rules change, since the router decides; test/deploy/router-mode.test.ts).
  const index = path.join(dir, "routing", "index.ts");
  const source = fs.readFileSync(index, "utf8");
  const anchor = 'defaultCalendar: "us-east",\n';
  if (!source.includes(anchor)) throw new Error("routing/index.ts: defaultCalendar not found");
  fs.writeFileSync(index, source.replace(anchor, `${anchor}  deploy: { mode: "workflows" },\n`));
  fs.symlinkSync(path.join(projectRoot, "src"), path.join(dir, "src"));
  fs.symlinkSync(path.join(projectRoot, "node_modules"), path.join(dir, "node_modules"));
  fs.writeFileSync(path.join(dir, ".gitignore"), "/src\n/node_modules\n.routeops/\n");
  git("add", ".");
  git("commit", "-q", "-m", "routing as of main");
  return {
    dir,
    git,
    edit(file, from, to) {
      const full = path.join(dir, file);
      const text = fs.readFileSync(full, "utf8");
      if (text.split(from).length !== 2) throw new Error(`${file}: "${from}" does not occur exactly once`);
      fs.writeFileSync(full, text.replace(from, to));
    },
    commit(message) {
      git("commit", "-q", "-am", message);
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The `expect` blocks of every fixture under `folder` of the repository, read as plain YAML. */
export function expectedDecisions(dir: string, folder = "test/fixtures"): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) {
        const value = parse(fs.readFileSync(full, "utf8")) as unknown;
        for (const fixture of Array.isArray(value) ? value : [value]) {
          found.push((fixture as { expect: Record<string, unknown> }).expect);
        }
      }
    }
  };
  walk(path.join(dir, folder));
  return found;
}
