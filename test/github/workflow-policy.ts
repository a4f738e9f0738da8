/**
 * Our own rules for the GitHub workflows, on top of actionlint: least-privilege permissions on
 * every job, every action pinned to a full commit SHA with its version in a comment, no
 * `pull_request_target`, and no secret in a step that can run for a fork's pull request.
 */
import { parse } from "yaml";

type Mapping = Record<string, unknown>;

const FORK_GUARD = "github.event.pull_request.head.repo.full_name == github.repository";

const isMapping = (value: unknown): value is Mapping =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The events a workflow runs on, whatever form `on:` takes. */
export function triggers(workflow: Mapping): string[] {
  const on = workflow.on;
  if (typeof on === "string") return [on];
  if (Array.isArray(on)) return on.map(String);
  return isMapping(on) ? Object.keys(on) : [];
}

/** Whether a secret is read anywhere in a value (inside a `${{ }}` expression). */
const mentionsSecrets = (value: unknown): boolean => /\$\{\{[^}]*\bsecrets\./.test(JSON.stringify(value ?? null));

/** The environment that alone holds the write token, and the only secret that token is. */
export const WRITE_ENVIRONMENT = "hubspot-production";
export const WRITE_TOKEN_SECRET = "HUBSPOT_ACCESS_TOKEN";

const environmentName = (job: Mapping): string | undefined => {
  const environment = job.environment;
  if (typeof environment === "string") return environment;
  return isMapping(environment) && typeof environment.name === "string" ? environment.name : undefined;
};

/** Secret names read anywhere in a value. */
export const secretsRead = (value: unknown): string[] => [
  ...new Set(
    [...JSON.stringify(value ?? null).matchAll(/\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? ""),
  ),
];

/**
 * Where the write token may be: only in jobs of the protected write environment, in workflows that
 * run only on a push to main (never for a pull request's code), and the write environment only
 * there. Every other job that reads a HubSpot secret names an environment of its own.
 */
export function writeTokenProblems(workflow: Mapping): string[] {
  const problems: string[] = [];
  const on = workflow.on;
  const pushToMainOnly =
    isMapping(on) &&
    Object.keys(on).length === 1 &&
    isMapping(on.push) &&
    JSON.stringify(on.push) === JSON.stringify({ branches: ["main"] });
  const jobs = isMapping(workflow.jobs) ? workflow.jobs : {};
  for (const [name, job] of Object.entries(jobs)) {
    if (!isMapping(job)) continue;
    const secrets = secretsRead(job);
    const environment = environmentName(job);
    if (secrets.includes(WRITE_TOKEN_SECRET)) {
      if (environment !== WRITE_ENVIRONMENT) problems.push(`${name}: the write token outside ${WRITE_ENVIRONMENT}`);
      if (!pushToMainOnly)
        problems.push(`${name}: the write token in a workflow that does not run only on push to main`);
    }
    if (environment === WRITE_ENVIRONMENT && !pushToMainOnly) {
      problems.push(`${name}: ${WRITE_ENVIRONMENT} in a workflow that does not run only on push to main`);
    }
    if (secrets.some((secret) => secret.startsWith("HUBSPOT_")) && environment === undefined) {
      problems.push(`${name}: a HubSpot secret in a job without an environment`);
    }
  }
  return problems;
}

/** Every problem with one workflow file's text, as `job/step: what` lines; empty when it complies. */
export function workflowPolicyProblems(text: string): string[] {
  const problems: string[] = [];
  const workflow = parse(text) as unknown;
  if (!isMapping(workflow)) return ["the file is not a workflow mapping"];
  const events = triggers(workflow);
  if (events.includes("pull_request_target")) problems.push("on: pull_request_target is not allowed");
  const forksCanRun = events.includes("pull_request");
  if (workflow.permissions === "write-all") problems.push("permissions: write-all at the top level");

  // Every `uses:` line in the text, so that the version comment can be checked too.
  for (const [index, line] of text.split("\n").entries()) {
    const uses = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line);
    if (!uses) continue;
    const [, target = "", rest = ""] = uses;
    if (target.startsWith("./") || /^docker:\/\/.+@sha256:[0-9a-f]{64}$/.test(target)) continue;
    if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(target)) {
      problems.push(`line ${index + 1}: ${target} is not pinned to a full commit SHA`);
    } else if (!/^\s+#\s*v\d/.test(rest)) {
      problems.push(`line ${index + 1}: ${target} has no "# vX.Y.Z" version comment`);
    }
  }

  problems.push(...writeTokenProblems(workflow));
  const jobs = isMapping(workflow.jobs) ? workflow.jobs : {};
  if (Object.keys(jobs).length === 0) problems.push("no jobs");
  for (const [name, job] of Object.entries(jobs)) {
    if (!isMapping(job)) continue;
    if (job.permissions === undefined) problems.push(`${name}: no permissions`);
    if (job.permissions === "write-all") problems.push(`${name}: permissions: write-all`);
    if (!forksCanRun) continue;
    const jobGuarded = String(job.if ?? "").includes(FORK_GUARD);
    if (!jobGuarded && (mentionsSecrets(job.env) || mentionsSecrets(job.with) || mentionsSecrets(job.secrets))) {
      problems.push(`${name}: job-level secrets without the fork guard`);
    }
    const steps = Array.isArray(job.steps) ? job.steps : [];
    steps.forEach((step: unknown, index) => {
      if (!isMapping(step) || !mentionsSecrets(step)) return;
      const guarded = jobGuarded || String(step.if ?? "").includes(FORK_GUARD);
      if (!guarded) problems.push(`${name}/${String(step.name ?? index)}: uses secrets in a step that runs for forks`);
    });
  }
  return problems;
}
