/**
 * Errors of the GitHub adapter. Every message is built by us from the status and the server's
 * short message, with the token (and anything that looks like a GitHub token) removed: an error
 * may end up in a workflow log, an issue or a PR comment.
 */
import { RouteOpsError } from "../errors";
import { redactSecrets } from "../secrets";

/** Why a GitHub call failed, stable for callers that branch on it. */
export type GitHubErrorCode =
  | "invalid_options"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "rate_limited"
  | "validation"
  | "server"
  | "network"
  | "unexpected";

/** A failed GitHub operation. Never carries the token, the request or the original error. */
export class GitHubError extends RouteOpsError {
  override name = "GitHubError";
  declare readonly code: GitHubErrorCode;
  constructor(
    code: GitHubErrorCode,
    message: string,
    /** HTTP status, when the server answered. */
    readonly status?: number,
    /** Seconds the server asked us to wait (rate limits), when it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(code, message);
  }

  /** Whether trying the same operation again later may succeed. */
  get retryable(): boolean {
    return this.code === "server" || this.code === "network" || this.code === "rate_limited";
  }
}

/** The subset of Octokit's `RequestError` that we read (duck-typed: its class is not a dependency). */
interface HttpFailure {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, unknown>; data?: unknown };
}

function serverMessage(data: unknown): string | undefined {
  if (typeof data === "string") return data;
  if (data && typeof data === "object" && "message" in data && typeof data.message === "string") {
    const details = "errors" in data && Array.isArray(data.errors) ? data.errors : [];
    const extra = details
      .map((item: unknown) =>
        item && typeof item === "object" && "message" in item && typeof item.message === "string" ? item.message : "",
      )
      .filter(Boolean);
    return extra.length > 0 ? `${data.message} (${extra.join("; ")})` : data.message;
  }
  return undefined;
}

function header(failure: HttpFailure, name: string): string | undefined {
  const value = failure.response?.headers?.[name];
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

/** Seconds to wait before retrying, from `Retry-After` or the rate-limit reset time (capped by the caller). */
function retryAfter(failure: HttpFailure, now: number): number | undefined {
  const seconds = Number(header(failure, "retry-after"));
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const reset = Number(header(failure, "x-ratelimit-reset"));
  if (header(failure, "x-ratelimit-remaining") === "0" && Number.isFinite(reset)) {
    return Math.max(0, Math.ceil(reset - now / 1000));
  }
  return undefined;
}

const HINTS: Partial<Record<GitHubErrorCode, string>> = {
  unauthorized: "the token was rejected: check GITHUB_TOKEN",
  forbidden:
    "the token may not do this: the workflow job needs `issues: write` (audit issue) or `pull-requests: write` (PR comment)",
  not_found: "the repository, issue or pull request does not exist or the token cannot see it",
  rate_limited: "GitHub's rate limit was reached: try again later",
};

/**
 * Turns whatever an Octokit call threw into a {@link GitHubError} that names the operation and
 * the repository and says what to do, with every secret removed.
 */
export function toGitHubError(error: unknown, operation: string, token: string, now: number): GitHubError {
  if (error instanceof GitHubError) return error;
  const failure: HttpFailure = error && typeof error === "object" ? (error as HttpFailure) : {};
  const status = typeof failure.status === "number" && failure.status > 0 ? failure.status : undefined;
  const fromServer = failure.response ? serverMessage(failure.response.data) : undefined;
  const raw = fromServer ?? (typeof failure.message === "string" ? failure.message : String(error));
  const detail = redactSecrets(raw, [token]).replace(/\s+/g, " ").slice(0, 300);
  let code: GitHubErrorCode;
  const wait = failure.response ? retryAfter(failure, now) : undefined;
  if (!failure.response) code = "network";
  else if (status === 401) code = "unauthorized";
  else if (status === 429 || (status === 403 && (wait !== undefined || /rate limit/i.test(raw)))) code = "rate_limited";
  else if (status === 403) code = "forbidden";
  else if (status === 404) code = "not_found";
  else if (status === 422) code = "validation";
  else if (status !== undefined && status >= 500) code = "server";
  else code = "unexpected";
  const hint = HINTS[code];
  const what = status !== undefined && failure.response ? `HTTP ${status}: ${detail}` : detail;
  return new GitHubError(code, `GitHub: could not ${operation}: ${what}${hint ? ` (${hint})` : ""}`, status, wait);
}
