/**
 * The GitHub adapter: the only code that talks to GitHub (through Octokit). The CLI constructs
 * it with the token and repository it read from the environment and passes it to whatever
 * writes reports; nothing here exists before `createGitHubAdapter` is called.
 */
import { Octokit } from "@octokit/rest";
import { fitToLimit, GITHUB_BODY_LIMIT } from "./body-limit";
import { GitHubError, toGitHubError } from "./errors";
import { hiddenMarker, withMarker } from "./marker";
import { parseRepository, type RepositoryName } from "./repository";

/** How to reach GitHub. */
export interface GitHubAdapterOptions {
  /** A GitHub token (`GITHUB_TOKEN` in a workflow). Never printed. */
  token: string;
  /** `owner/name`, as in `GITHUB_REPOSITORY`. */
  repository: string;
  /** API root; default `https://api.github.com` (`GITHUB_API_URL` on GitHub Enterprise Server). */
  baseUrl?: string;
  /** The fetch implementation; default the global one. */
  fetch?: typeof fetch;
  /** Extra attempts after a server error, network error or rate limit. Default 2. */
  retries?: number;
  /** Waits between attempts; tests pass one that does not wait. */
  sleep?: (milliseconds: number) => Promise<void>;
  /** The clock, for rate-limit reset times; default `Date.now`. */
  now?: () => number;
  /** A request that takes longer fails as a network error (and is retried). Default 30 s. */
  timeoutMs?: number;
  /**
   * The login the token writes as: only issues and comments this login authored are updated.
   * Default `github-actions[bot]`, the author of everything a workflow's `GITHUB_TOKEN` writes.
   */
  botLogin?: string;
}

/** Who writes with a workflow's `GITHUB_TOKEN`. */
export const ACTIONS_BOT_LOGIN = "github-actions[bot]";

/** An issue or comment that carries our marker but is not ours: left alone, and reported. */
export interface Impostor {
  /** Issue number or comment id. */
  id: number;
  url: string;
  author: string;
  /** Why it was not taken for ours. */
  reason: "author" | "label";
}

/** What an upsert did. `unchanged`: the existing body, title and labels already matched. */
export type UpsertAction = "created" | "updated" | "unchanged";

/** An issue to create, or to update in place when an open issue carries the same marker. */
export interface IssueUpsert {
  /** Marker key (for example `audit`): the body carries `<!-- routeops:KEY -->`. */
  marker: string;
  /** Plain text; at most 256 characters are kept. */
  title: string;
  /** Markdown (escape untrusted text with `src/report/markdown`). Cut to GitHub's limit with a note. */
  body: string;
  /** Labels the issue must carry; labels a person added are kept. */
  labels?: string[];
  /** A sentence added to the truncation note, saying where the full report is. */
  fullReportHint?: string;
  /** Only an issue that carries this label (besides the marker and our authorship) is ours. */
  ownLabel?: string;
}

export interface IssueUpsertResult {
  action: UpsertAction;
  number: number;
  url: string;
  /** The body was cut to fit GitHub's limit. */
  truncated: boolean;
  /** Issues with our marker that someone else wrote (or without our label): not touched. */
  impostors: Impostor[];
}

/** A comment on a pull request, updated in place when one with the same marker exists. */
export interface CommentUpsert {
  pullNumber: number;
  marker: string;
  body: string;
  fullReportHint?: string;
}

export interface CommentUpsertResult {
  action: UpsertAction;
  commentId: number;
  url: string;
  truncated: boolean;
  /** Comments with our marker that someone else wrote: not touched. */
  impostors: Impostor[];
}

/** The GitHub operations RouteOps needs. */
export interface GitHubAdapter {
  readonly repository: RepositoryName;
  /**
   * Finds the open issue whose body holds the marker, that the bot wrote and (with `ownLabel`) that
   * carries our label, paging through all open issues oldest first, and updates it, or creates one.
   * Marked issues by anyone else are left alone and returned as impostors.
   */
  upsertIssueByMarker(issue: IssueUpsert): Promise<IssueUpsertResult>;
  /** The same for the comments of a pull request. */
  upsertPullRequestComment(comment: CommentUpsert): Promise<CommentUpsertResult>;
}

const TITLE_LIMIT = 256;
const MAX_WAIT_SECONDS = 60;

const quietLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

function labelName(label: string | { name?: string | null }): string | undefined {
  return typeof label === "string" ? label : (label.name ?? undefined);
}

/** Builds the adapter. Throws {@link GitHubError} (`invalid_options`) for a missing token or a bad repository. */
export function createGitHubAdapter(options: GitHubAdapterOptions): GitHubAdapter {
  const token = options.token.trim();
  if (token === "") {
    throw new GitHubError("invalid_options", "GitHub: no token given (set GITHUB_TOKEN)");
  }
  const repository = parseRepository(options.repository);
  const where = { owner: repository.owner, repo: repository.name };
  const retries = Math.max(0, options.retries ?? 2);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const baseFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  // Octokit sets no timeout of its own: a GitHub that never answers must not hang a workflow.
  const fetchWithTimeout: typeof fetch = (input, init) =>
    baseFetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
  const octokit = new Octokit({
    auth: token,
    userAgent: "routeops",
    log: quietLog,
    request: { fetch: fetchWithTimeout },
    ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, "") } : {}),
  });

  /**
   * Runs a whole find-then-write step again after a transient failure: repeating the find (rather
   * than a bare POST) is what keeps a retried create from making a duplicate.
   */
  async function attempt<T>(operation: string, step: () => Promise<T>): Promise<T> {
    for (let tries = 0; ; tries++) {
      try {
        return await step();
      } catch (error) {
        const failure = toGitHubError(error, operation, token, now());
        if (!failure.retryable || tries >= retries) throw failure;
        const waitSeconds = Math.min(MAX_WAIT_SECONDS, failure.retryAfterSeconds ?? 2 ** tries);
        await sleep(waitSeconds * 1000);
      }
    }
  }

  const repoLabel = `${repository.owner}/${repository.name}`;
  const botLogin = options.botLogin?.trim() || ACTIONS_BOT_LOGIN;
  const authorOf = (item: { user?: { login?: string } | null }) => item.user?.login ?? "(unknown)";

  async function upsertIssueByMarker(issue: IssueUpsert): Promise<IssueUpsertResult> {
    const marker = hiddenMarker(issue.marker);
    const fitted = fitToLimit(withMarker(marker, issue.body), {
      limit: GITHUB_BODY_LIMIT,
      fullReportHint: issue.fullReportHint,
    });
    const body = fitted.text;
    const title = [...issue.title.replace(/\s+/g, " ").trim()].slice(0, TITLE_LIMIT).join("");
    const wanted = issue.labels ?? [];
    return attempt(`update the ${issue.marker} issue of ${repoLabel}`, async () => {
      const pages = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
        ...where,
        state: "open",
        sort: "created",
        direction: "asc",
        per_page: 100,
      });
      const impostors: Impostor[] = [];
      for await (const page of pages) {
        const marked = page.data.filter((candidate) => !candidate.pull_request && candidate.body?.includes(marker));
        const existing = marked.find((candidate) => {
          const labels = candidate.labels.map(labelName);
          const reason =
            authorOf(candidate) !== botLogin
              ? ("author" as const)
              : issue.ownLabel !== undefined && !labels.includes(issue.ownLabel)
                ? ("label" as const)
                : undefined;
          if (reason)
            impostors.push({ id: candidate.number, url: candidate.html_url, author: authorOf(candidate), reason });
          return reason === undefined;
        });
        if (!existing) continue;
        const current = existing.labels.map(labelName).filter((name): name is string => name !== undefined);
        const missing = wanted.filter((label) => !current.includes(label));
        const result = { number: existing.number, url: existing.html_url, truncated: fitted.truncated, impostors };
        if (existing.body === body && existing.title === title && missing.length === 0) {
          return { action: "unchanged" as const, ...result };
        }
        await octokit.rest.issues.update({
          ...where,
          issue_number: existing.number,
          title,
          body,
          ...(missing.length > 0 ? { labels: [...current, ...missing] } : {}),
        });
        return { action: "updated" as const, ...result };
      }
      const { data } = await octokit.rest.issues.create({ ...where, title, body, labels: wanted });
      return {
        action: "created" as const,
        number: data.number,
        url: data.html_url,
        truncated: fitted.truncated,
        impostors,
      };
    });
  }

  async function upsertPullRequestComment(comment: CommentUpsert): Promise<CommentUpsertResult> {
    if (!Number.isInteger(comment.pullNumber) || comment.pullNumber <= 0) {
      throw new GitHubError(
        "invalid_options",
        `GitHub: pull request number ${comment.pullNumber} is not valid: expected a positive integer`,
      );
    }
    const marker = hiddenMarker(comment.marker);
    const fitted = fitToLimit(withMarker(marker, comment.body), {
      limit: GITHUB_BODY_LIMIT,
      fullReportHint: comment.fullReportHint,
    });
    const body = fitted.text;
    return attempt(`comment on pull request #${comment.pullNumber} of ${repoLabel}`, async () => {
      const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        ...where,
        issue_number: comment.pullNumber,
        per_page: 100,
      });
      const impostors: Impostor[] = [];
      for await (const page of pages) {
        const existing = page.data.find((candidate) => {
          if (!candidate.body?.includes(marker)) return false;
          if (authorOf(candidate) === botLogin) return true;
          impostors.push({ id: candidate.id, url: candidate.html_url, author: authorOf(candidate), reason: "author" });
          return false;
        });
        if (!existing) continue;
        const result = { commentId: existing.id, url: existing.html_url, truncated: fitted.truncated, impostors };
        if (existing.body === body) return { action: "unchanged" as const, ...result };
        await octokit.rest.issues.updateComment({ ...where, comment_id: existing.id, body });
        return { action: "updated" as const, ...result };
      }
      const { data } = await octokit.rest.issues.createComment({ ...where, issue_number: comment.pullNumber, body });
      return {
        action: "created" as const,
        commentId: data.id,
        url: data.html_url,
        truncated: fitted.truncated,
        impostors,
      };
    });
  }

  return { repository, upsertIssueByMarker, upsertPullRequestComment };
}

/** One stderr line per impostor: what was left alone and why. */
export function impostorLines(impostors: readonly Impostor[], kind: "issue" | "comment", botLogin: string): string[] {
  return impostors.map((impostor) => {
    const what = kind === "issue" ? `issue #${impostor.id}` : `comment ${impostor.id}`;
    const why =
      impostor.reason === "author"
        ? `was written by @${impostor.author}, not ${botLogin}`
        : "does not carry the routeops label";
    return `${what} (${impostor.url}) carries RouteOps' hidden marker but ${why}: left alone, not updated`;
  });
}
