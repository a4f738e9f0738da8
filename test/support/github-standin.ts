/**
 * A local stand-in for the part of GitHub's REST API that the GitHub adapter uses: issues (list
 * with paging and Link headers, create, update) and issue comments (list, create, update). It
 * listens on 127.0.0.1 on a random port, checks the token, enforces the 65,536-character body
 * limit and logs every request, so that tests drive the real Octokit over real HTTP.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StandinIssue {
  number: number;
  title: string;
  body: string | null;
  labels: string[];
  state: "open" | "closed";
  /** A pull request (GitHub lists pull requests among issues). */
  isPullRequest: boolean;
  user: string;
  createdAt: string;
}

export interface StandinComment {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The Authorization header as received. */
  authorization: string | undefined;
  body: unknown;
}

export interface StandinOptions {
  token: string;
  /** `owner/name`: other repositories answer 404. */
  repository: string;
  /** The token may read but not write (403 on POST and PATCH), like a read-only GITHUB_TOKEN. */
  readOnly?: boolean;
  /** Put the received Authorization header in error messages, like a careless proxy would. */
  echoCredentialsInErrors?: boolean;
}

export interface GitHubStandin {
  baseUrl: string;
  requests: LoggedRequest[];
  issues: StandinIssue[];
  comments: StandinComment[];
  addIssue(issue: Partial<StandinIssue> & { title: string }): StandinIssue;
  addComment(issueNumber: number, body: string, user?: string): StandinComment;
  /** The next `count` requests answer `status` (with `Retry-After` when given). */
  failNext(count: number, status: number, retryAfterSeconds?: number): void;
  /** The next `count` requests get no answer at all (until the stand-in closes). */
  stallNext(count: number): void;
  close(): Promise<void>;
}

const BODY_LIMIT = 65_536;
const BOT = "github-actions[bot]";

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem(400, "Problems parsing JSON");
  }
}

function checkBody(resource: string, body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body !== "string")
    throw new HttpProblem(422, "Invalid request.\n\nFor 'properties/body', is not a string.");
  if ([...body].length > BODY_LIMIT) {
    throw new HttpProblem(422, "Validation Failed", {
      errors: [
        { resource, code: "custom", field: "body", message: `body is too long (maximum is ${BODY_LIMIT} characters)` },
      ],
    });
  }
  return body;
}

export async function startGitHubStandin(options: StandinOptions): Promise<GitHubStandin> {
  const [owner, repo] = options.repository.split("/") as [string, string];
  const issues: StandinIssue[] = [];
  const comments: StandinComment[] = [];
  const requests: LoggedRequest[] = [];
  const failures: { status: number; retryAfterSeconds?: number }[] = [];
  let stalls = 0;
  let nextNumber = 1;
  let nextCommentId = 9001;
  let clock = Date.parse("2026-03-02T09:00:00Z");
  let baseUrl = "";

  const createdAt = (): string => {
    clock += 60_000;
    return new Date(clock).toISOString();
  };
  const repoPath = `/repos/${owner}/${repo}`;
  const issueJson = (issue: StandinIssue) => ({
    id: 100_000 + issue.number,
    node_id: `I_${issue.number}`,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    labels: issue.labels.map((name, index) => ({ id: index + 1, name, color: "ededed", default: false })),
    user: { login: issue.user, id: 1, type: issue.user.endsWith("[bot]") ? "Bot" : "User" },
    url: `${baseUrl}${repoPath}/issues/${issue.number}`,
    html_url: `https://github.test/${owner}/${repo}/${issue.isPullRequest ? "pull" : "issues"}/${issue.number}`,
    created_at: issue.createdAt,
    updated_at: issue.createdAt,
    comments: comments.filter((c) => c.issueNumber === issue.number).length,
    ...(issue.isPullRequest ? { pull_request: { url: `${baseUrl}${repoPath}/pulls/${issue.number}` } } : {}),
  });
  const commentJson = (comment: StandinComment) => ({
    id: comment.id,
    node_id: `IC_${comment.id}`,
    body: comment.body,
    user: { login: comment.user, id: 2, type: "User" },
    url: `${baseUrl}${repoPath}/issues/comments/${comment.id}`,
    html_url: `https://github.test/${owner}/${repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${baseUrl}${repoPath}/issues/${comment.issueNumber}`,
  });

  /** One page of `items`, with GitHub's Link header pointing at the other pages. */
  function page<T>(url: URL, items: T[], response: ServerResponse): T[] {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 30)));
    const current = Math.max(1, Number(url.searchParams.get("page") ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number): string => {
      const target = new URL(url.toString());
      target.searchParams.set("page", String(n));
      target.searchParams.set("per_page", String(perPage));
      return `<${baseUrl}${target.pathname}${target.search}>`;
    };
    const links: string[] = [];
    if (current < last) links.push(`${link(current + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    if (current > 1) links.push(`${link(1)}; rel="first"`, `${link(current - 1)}; rel="prev"`);
    if (links.length > 0) response.setHeader("link", links.join(", "));
    return items.slice((current - 1) * perPage, current * perPage);
  }

  function findIssue(number: number): StandinIssue {
    const issue = issues.find((candidate) => candidate.number === number);
    if (!issue) throw new HttpProblem(404, "Not Found");
    return issue;
  }

  async function route(request: IncomingMessage, response: ServerResponse, url: URL, body: unknown): Promise<unknown> {
    const method = request.method ?? "GET";
    const auth = request.headers.authorization;
    const presented = /^(?:token|bearer)\s+(.+)$/i.exec(auth ?? "")?.[1];
    if (presented !== options.token) {
      const echo = options.echoCredentialsInErrors ? ` (received ${auth ?? "nothing"})` : "";
      throw new HttpProblem(401, `Bad credentials${echo}`);
    }
    const failure = failures.shift();
    if (failure) {
      if (failure.retryAfterSeconds !== undefined) response.setHeader("retry-after", String(failure.retryAfterSeconds));
      throw new HttpProblem(
        failure.status,
        failure.status === 403 ? "You have exceeded a secondary rate limit" : "Server Error",
      );
    }
    if (!url.pathname.startsWith(`${repoPath}/`)) throw new HttpProblem(404, "Not Found");
    const rest = url.pathname.slice(repoPath.length);
    const writing = method === "POST" || method === "PATCH";
    if (writing && options.readOnly) throw new HttpProblem(403, "Resource not accessible by integration");
    const record = (body ?? {}) as Record<string, unknown>;

    if (rest === "/issues" && method === "GET") {
      const state = url.searchParams.get("state") ?? "open";
      const direction = url.searchParams.get("direction") ?? "desc";
      const listed = issues
        .filter((issue) => state === "all" || issue.state === state)
        .sort(
          (a, b) => (direction === "asc" ? 1 : -1) * (a.createdAt.localeCompare(b.createdAt) || a.number - b.number),
        );
      return page(url, listed, response).map(issueJson);
    }
    if (rest === "/issues" && method === "POST") {
      if (typeof record.title !== "string" || record.title === "") throw new HttpProblem(422, "Validation Failed");
      const issue = addIssue({
        title: record.title,
        body: checkBody("Issue", record.body) ?? null,
        labels: Array.isArray(record.labels) ? record.labels.map(String) : [],
        user: BOT,
      });
      response.statusCode = 201;
      return issueJson(issue);
    }
    const issueMatch = /^\/issues\/(\d+)$/.exec(rest);
    if (issueMatch && method === "PATCH") {
      const issue = findIssue(Number(issueMatch[1]));
      if (typeof record.title === "string") issue.title = record.title;
      if ("body" in record) issue.body = checkBody("Issue", record.body) ?? null;
      if (Array.isArray(record.labels)) issue.labels = record.labels.map(String);
      if (record.state === "open" || record.state === "closed") issue.state = record.state;
      return issueJson(issue);
    }
    const commentsMatch = /^\/issues\/(\d+)\/comments$/.exec(rest);
    if (commentsMatch) {
      const issue = findIssue(Number(commentsMatch[1]));
      if (method === "GET")
        return page(
          url,
          comments.filter((c) => c.issueNumber === issue.number),
          response,
        ).map(commentJson);
      if (method === "POST") {
        const text = checkBody("IssueComment", record.body);
        if (text === undefined) throw new HttpProblem(422, "Validation Failed");
        response.statusCode = 201;
        return commentJson(addComment(issue.number, text, BOT));
      }
    }
    const commentMatch = /^\/issues\/comments\/(\d+)$/.exec(rest);
    if (commentMatch && method === "PATCH") {
      const comment = comments.find((candidate) => candidate.id === Number(commentMatch[1]));
      if (!comment) throw new HttpProblem(404, "Not Found");
      const text = checkBody("IssueComment", record.body);
      if (text === undefined) throw new HttpProblem(422, "Validation Failed");
      comment.body = text;
      return commentJson(comment);
    }
    throw new HttpProblem(404, "Not Found");
  }

  function addIssue(issue: Partial<StandinIssue> & { title: string }): StandinIssue {
    const created: StandinIssue = {
      number: nextNumber++,
      body: null,
      labels: [],
      state: "open",
      isPullRequest: false,
      user: "octocat",
      createdAt: createdAt(),
      ...issue,
    };
    issues.push(created);
    return created;
  }

  function addComment(issueNumber: number, body: string, user = "octocat"): StandinComment {
    const comment = { id: nextCommentId++, issueNumber, body, user };
    comments.push(comment);
    return comment;
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    response.setHeader("content-type", "application/json; charset=utf-8");
    readJson(request)
      .then(async (body) => {
        requests.push({
          method: request.method ?? "GET",
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          authorization: request.headers.authorization,
          body,
        });
        if (stalls > 0) {
          stalls--;
          return new Promise<never>(() => {});
        }
        return route(request, response, url, body);
      })
      .then(
        (result) => response.end(JSON.stringify(result)),
        (error: unknown) => {
          const problem = error instanceof HttpProblem ? error : new HttpProblem(500, String(error));
          response.statusCode = problem.status;
          response.end(
            JSON.stringify({
              message: problem.message,
              documentation_url: "https://docs.github.com/rest",
              status: String(problem.status),
              ...problem.extra,
            }),
          );
        },
      );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    requests,
    issues,
    comments,
    addIssue,
    addComment,
    failNext(count, status, retryAfterSeconds) {
      for (let i = 0; i < count; i++) failures.push({ status, retryAfterSeconds });
    },
    stallNext(count) {
      stalls += count;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
