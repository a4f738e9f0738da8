import { afterEach, describe, expect, it } from "vitest";
import { createGitHubAdapter, GitHubError, impostorLines, type GitHubAdapterOptions } from "../../src/github";
import { escapeMarkdown, markdownTable } from "../../src/report/markdown";
import { startGitHubStandin, type GitHubStandin, type StandinOptions } from "../support/github-standin";
import { gfmTableCells } from "./gfm";

const TOKEN = "ghp_routeopsTestToken0123456789abcdef";
const REPOSITORY = "acme/revops-routing";
const MARKER = "<!-- routeops:audit -->";

let standin: GitHubStandin | undefined;
afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

async function setup(
  options: Partial<StandinOptions> = {},
  adapterOptions: Partial<GitHubAdapterOptions> = {},
): Promise<{ server: GitHubStandin; waits: number[]; adapter: ReturnType<typeof createGitHubAdapter> }> {
  const server = await startGitHubStandin({ token: TOKEN, repository: REPOSITORY, ...options });
  standin = server;
  const waits: number[] = [];
  const adapter = createGitHubAdapter({
    token: TOKEN,
    repository: REPOSITORY,
    baseUrl: server.baseUrl,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...adapterOptions,
  });
  return { server, waits, adapter };
}

const writes = (server: GitHubStandin) => server.requests.filter((r) => r.method !== "GET");

describe("upsertIssueByMarker", () => {
  it("creates the issue, with the hidden marker and the labels, when no open issue carries the marker", async () => {
    const { server, adapter } = await setup();
    const result = await adapter.upsertIssueByMarker({
      marker: "audit",
      title: "Routing audit",
      body: "All good.",
      labels: ["routeops"],
    });
    expect(result).toMatchObject({ action: "created", number: 1, truncated: false });
    expect(server.issues).toHaveLength(1);
    expect(server.issues[0]?.body).toBe(`${MARKER}\nAll good.`);
    expect(server.issues[0]?.labels).toEqual(["routeops"]);
    expect(server.requests[0]?.authorization).toBe(`token ${TOKEN}`);
  });

  it("updates the same issue in place on the second run instead of opening a duplicate", async () => {
    const { server, adapter } = await setup();
    const first = await adapter.upsertIssueByMarker({ marker: "audit", title: "Routing audit", body: "Week 1" });
    const second = await adapter.upsertIssueByMarker({ marker: "audit", title: "Routing audit", body: "Week 2" });
    expect(second).toMatchObject({ action: "updated", number: first.number });
    expect(server.issues).toHaveLength(1);
    expect(server.issues[0]?.body).toBe(`${MARKER}\nWeek 2`);
    expect(writes(server).map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /repos/${REPOSITORY}/issues`,
      `PATCH /repos/${REPOSITORY}/issues/1`,
    ]);
  });

  it("writes nothing when the issue already says the same", async () => {
    const { server, adapter } = await setup();
    await adapter.upsertIssueByMarker({ marker: "audit", title: "Routing audit", body: "Same" });
    const again = await adapter.upsertIssueByMarker({ marker: "audit", title: "Routing audit", body: "Same" });
    expect(again.action).toBe("unchanged");
    expect(writes(server)).toHaveLength(1);
  });

  it("pages through open issues to find an older marked issue, skipping pull requests and other markers", async () => {
    const { server, adapter } = await setup();
    for (let i = 0; i < 230; i++)
      server.addIssue({ title: `Other ${i}`, body: i === 5 ? "<!-- routeops:audit-eu -->" : null });
    server.addIssue({ title: "PR quoting the marker", body: `${MARKER}\nquoted`, isPullRequest: true });
    const marked = server.addIssue({ title: "Routing audit", body: `${MARKER}\nold`, user: "github-actions[bot]" });
    for (let i = 0; i < 20; i++) server.addIssue({ title: `Newer ${i}` });

    const result = await adapter.upsertIssueByMarker({ marker: "audit", title: "Routing audit", body: "new" });

    expect(result).toMatchObject({ action: "updated", number: marked.number });
    expect(server.issues).toHaveLength(252);
    expect(marked.body).toBe(`${MARKER}\nnew`);
    const pagesRead = server.requests.filter((r) => r.method === "GET").map((r) => r.query.page ?? "1");
    expect(pagesRead).toEqual(["1", "2", "3"]);
  });

  it("opens a new issue when the marked one was closed", async () => {
    const { server, adapter } = await setup();
    server.addIssue({ title: "Routing audit", body: `${MARKER}\nold`, state: "closed" });
    const result = await adapter.upsertIssueByMarker({ marker: "audit", title: "Routing audit", body: "new" });
    expect(result.action).toBe("created");
    expect(server.issues.filter((issue) => issue.state === "open")).toHaveLength(1);
  });

  it("keeps the labels a person added and adds the missing ones", async () => {
    const { server, adapter } = await setup();
    const issue = server.addIssue({
      title: "Routing audit",
      body: `${MARKER}\nold`,
      labels: ["triaged"],
      user: "github-actions[bot]",
    });
    await adapter.upsertIssueByMarker({ marker: "audit", title: "Routing audit", body: "new", labels: ["routeops"] });
    expect(issue.labels).toEqual(["triaged", "routeops"]);
  });

  it("publishes hostile contact data only through the escaping functions: no HTML, mention or broken table", async () => {
    const { server, adapter } = await setup();
    const hostileName = '<img src=x onerror=alert(1)> @acme/security | "Eve" #1';
    const hostileCompany = "Evil | Corp\n| injected | row |\n```";
    const body = [
      `Unclassified contact: ${escapeMarkdown(hostileName)}`,
      "",
      markdownTable(["Contact", "Company"], [[hostileName, hostileCompany]]),
    ].join("\n");
    await adapter.upsertIssueByMarker({ marker: "audit", title: `Audit: ${hostileName}`, body });

    const stored = server.issues[0]?.body ?? "";
    expect(stored).not.toMatch(/<img|<script/);
    expect(stored.replace(MARKER, "")).not.toContain("<");
    expect(stored).not.toMatch(/@[a-z]/i);
    expect(stored).not.toMatch(/#[0-9]/);
    expect(stored).not.toContain("```");
    const tableLines = stored.split("\n").filter((line) => line.startsWith("|"));
    expect(tableLines).toHaveLength(3);
    for (const line of tableLines) expect(gfmTableCells(line)).toHaveLength(2);
  });

  it("cuts a body over GitHub's 65,536 characters, keeping the marker and saying so", async () => {
    const { server, adapter } = await setup();
    const line = "| row | " + "x".repeat(90) + " |\n";
    const result = await adapter.upsertIssueByMarker({
      marker: "audit",
      title: "Routing audit",
      body: line.repeat(1000),
      fullReportHint: "See the job summary.",
    });
    const stored = server.issues[0]?.body ?? "";
    expect(result.truncated).toBe(true);
    expect(stored.length).toBeLessThanOrEqual(65_536);
    expect(stored.startsWith(MARKER)).toBe(true);
    expect(stored).toMatch(/Truncated by RouteOps:\*\* [\d,]+ characters were left out/);
    expect(stored).toContain("See the job summary.");
  });

  it("retries after a server error by searching again, so a retried create makes no duplicate", async () => {
    const { server, waits, adapter } = await setup();
    server.failNext(1, 502);
    const result = await adapter.upsertIssueByMarker({ marker: "audit", title: "Routing audit", body: "x" });
    expect(result.action).toBe("created");
    expect(waits).toEqual([1000]);
    expect(server.issues).toHaveLength(1);
  });

  it("waits as long as a secondary rate limit's Retry-After says", async () => {
    const { server, waits, adapter } = await setup();
    server.failNext(1, 403, 7);
    await adapter.upsertIssueByMarker({ marker: "audit", title: "Routing audit", body: "x" });
    expect(waits).toEqual([7000]);
  });

  it("gives up after the configured retries with a server error", async () => {
    const { server, waits, adapter } = await setup({}, { retries: 1 });
    server.failNext(5, 503);
    const error = await adapter
      .upsertIssueByMarker({ marker: "audit", title: "t", body: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ code: "server", status: 503 });
    expect(waits).toHaveLength(1);
  });
});

describe("marker ownership", () => {
  it("leaves an outsider's issue that carries our marker alone, reports it, and opens its own", async () => {
    const { server, adapter } = await setup();
    const planted = server.addIssue({ title: "Routing audit", body: `${MARKER}\nplease click`, user: "mallory" });
    const result = await adapter.upsertIssueByMarker({ marker: "audit", title: "Routing audit", body: "real" });
    expect(result.action).toBe("created");
    expect(result.number).not.toBe(planted.number);
    expect(planted.body).toBe(`${MARKER}\nplease click`);
    expect(result.impostors).toMatchObject([{ id: planted.number, author: "mallory", reason: "author" }]);
    const second = await adapter.upsertIssueByMarker({ marker: "audit", title: "Routing audit", body: "real 2" });
    expect(second).toMatchObject({ action: "updated", number: result.number });
  });

  it("takes the bot's issue for the audit issue only when it carries our label", async () => {
    const { server, adapter } = await setup();
    const unlabelled = server.addIssue({ title: "Routing audit", body: `${MARKER}\nold`, user: "github-actions[bot]" });
    const result = await adapter.upsertIssueByMarker({
      marker: "audit",
      title: "Routing audit",
      body: "new",
      labels: ["routeops"],
      ownLabel: "routeops",
    });
    expect(result.action).toBe("created");
    expect(unlabelled.body).toBe(`${MARKER}\nold`);
    expect(result.impostors).toMatchObject([{ id: unlabelled.number, reason: "label" }]);
  });

  it("never overwrites an outsider's comment that carries our marker, and says so", async () => {
    const { server, adapter } = await setup();
    const pr = server.addIssue({ title: "Change routing", isPullRequest: true });
    const planted = server.addComment(pr.number, "<!-- routeops:pr-report -->\nfake plan: all good", "mallory");
    const result = await adapter.upsertPullRequestComment({ pullNumber: pr.number, marker: "pr-report", body: "v1" });
    expect(result.action).toBe("created");
    expect(result.commentId).not.toBe(planted.id);
    expect(planted.body).toBe("<!-- routeops:pr-report -->\nfake plan: all good");
    expect(result.impostors).toMatchObject([{ id: planted.id, author: "mallory", reason: "author" }]);
    expect(impostorLines(result.impostors, "comment", "github-actions[bot]")[0]).toContain(
      "was written by @mallory, not github-actions[bot]: left alone, not updated",
    );
  });

  it("updates comments of the login it was told it writes as (a personal token)", async () => {
    const { server, adapter } = await setup({}, { botLogin: "revops-bot" });
    const pr = server.addIssue({ title: "Change routing", isPullRequest: true });
    const ours = server.addComment(pr.number, "<!-- routeops:pr-report -->\nold", "revops-bot");
    const result = await adapter.upsertPullRequestComment({ pullNumber: pr.number, marker: "pr-report", body: "v2" });
    expect(result).toMatchObject({ action: "updated", commentId: ours.id, impostors: [] });
  });
});

describe("upsertPullRequestComment", () => {
  it("creates the comment, then updates it in place", async () => {
    const { server, adapter } = await setup();
    const pr = server.addIssue({ title: "Change routing", isPullRequest: true });
    const first = await adapter.upsertPullRequestComment({ pullNumber: pr.number, marker: "pr-report", body: "v1" });
    const second = await adapter.upsertPullRequestComment({ pullNumber: pr.number, marker: "pr-report", body: "v2" });
    expect(first.action).toBe("created");
    expect(second).toMatchObject({ action: "updated", commentId: first.commentId });
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]?.body).toBe("<!-- routeops:pr-report -->\nv2");
  });

  it("finds its comment on a later page of a long discussion", async () => {
    const { server, adapter } = await setup();
    const pr = server.addIssue({ title: "Change routing", isPullRequest: true });
    for (let i = 0; i < 150; i++) server.addComment(pr.number, `comment ${i}`);
    const ours = server.addComment(pr.number, "<!-- routeops:pr-report -->\nold", "github-actions[bot]");
    const result = await adapter.upsertPullRequestComment({ pullNumber: pr.number, marker: "pr-report", body: "new" });
    expect(result).toMatchObject({ action: "updated", commentId: ours.id });
    expect(server.comments).toHaveLength(151);
    expect(server.requests.filter((r) => r.method === "GET").map((r) => r.query.page ?? "1")).toEqual(["1", "2"]);
  });

  it("rejects a pull request number that is not a positive integer", async () => {
    const { adapter } = await setup();
    await expect(adapter.upsertPullRequestComment({ pullNumber: 0, marker: "pr-report", body: "x" })).rejects.toThrow(
      /pull request number 0 is not valid/,
    );
  });
});

describe("errors", () => {
  function expectNoToken(error: unknown): void {
    expect(error).toBeInstanceOf(GitHubError);
    const everything = [
      String(error),
      (error as Error).stack,
      JSON.stringify(error),
      JSON.stringify({ ...(error as object) }),
    ];
    for (const text of everything) expect(text).not.toContain(TOKEN);
  }

  it("reports a rejected token as unauthorized without ever showing the token, even when the server echoes it", async () => {
    const server = await startGitHubStandin({
      token: "other-token",
      repository: REPOSITORY,
      echoCredentialsInErrors: true,
    });
    standin = server;
    const adapter = createGitHubAdapter({ token: TOKEN, repository: REPOSITORY, baseUrl: server.baseUrl });
    const error = await adapter
      .upsertIssueByMarker({ marker: "audit", title: "t", body: "b" })
      .catch((e: unknown) => e);
    expectNoToken(error);
    expect(error).toMatchObject({ code: "unauthorized", status: 401 });
    expect((error as Error).message).toContain("Bad credentials (received token [redacted])");
    expect((error as Error).message).toContain("check GITHUB_TOKEN");
  });

  it("says which permission is missing when the token may not write issues", async () => {
    const { adapter } = await setup({ readOnly: true });
    const error = await adapter
      .upsertIssueByMarker({ marker: "audit", title: "t", body: "b" })
      .catch((e: unknown) => e);
    expectNoToken(error);
    expect(error).toMatchObject({ code: "forbidden", status: 403 });
    expect((error as Error).message).toContain("issues: write");
  });

  it("names the repository when it is not found", async () => {
    const server = await startGitHubStandin({ token: TOKEN, repository: "acme/other" });
    standin = server;
    const adapter = createGitHubAdapter({ token: TOKEN, repository: REPOSITORY, baseUrl: server.baseUrl, retries: 0 });
    const error = await adapter
      .upsertIssueByMarker({ marker: "audit", title: "t", body: "b" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "not_found", status: 404 });
    expect((error as Error).message).toContain(REPOSITORY);
  });

  it("reports an unreachable GitHub as a network error, without the token", async () => {
    const server = await startGitHubStandin({ token: TOKEN, repository: REPOSITORY });
    const deadUrl = server.baseUrl;
    await server.close();
    const adapter = createGitHubAdapter({ token: TOKEN, repository: REPOSITORY, baseUrl: deadUrl, retries: 0 });
    const error = await adapter
      .upsertIssueByMarker({ marker: "audit", title: "t", body: "b" })
      .catch((e: unknown) => e);
    expectNoToken(error);
    expect(error).toMatchObject({ code: "network" });
  });

  it("gives up on a GitHub that does not answer, as a network error", async () => {
    const { server, adapter } = await setup({}, { timeoutMs: 100, retries: 0 });
    server.stallNext(1);
    const error = await adapter
      .upsertIssueByMarker({ marker: "audit", title: "t", body: "b" })
      .catch((e: unknown) => e);
    expectNoToken(error);
    expect(error).toMatchObject({ code: "network" });
    expect((error as Error).message).toMatch(
      /could not update the audit issue of acme\/revops-routing: .*(abort|timeout)/i,
    );
  });

  it("refuses a missing token, a malformed repository and a malformed marker up front", async () => {
    expect(() => createGitHubAdapter({ token: " ", repository: REPOSITORY })).toThrow(/no token given/);
    expect(() => createGitHubAdapter({ token: TOKEN, repository: "acme" })).toThrow(/expected "owner\/name"/);
    expect(() => createGitHubAdapter({ token: TOKEN, repository: "acme/x/y" })).toThrow(GitHubError);
    const { adapter, server } = await setup();
    await expect(adapter.upsertIssueByMarker({ marker: "a -->", title: "t", body: "b" })).rejects.toThrow(
      /marker "a -->" is not valid/,
    );
    expect(server.requests).toHaveLength(0);
  });
});
