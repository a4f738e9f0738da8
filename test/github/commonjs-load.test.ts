import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { startGitHubStandin, type GitHubStandin } from "../support/github-standin";

const root = path.resolve(__dirname, "../..");
let standin: GitHubStandin | undefined;
afterEach(async () => {
  await standin?.close();
});

describe("the GitHub adapter as the CLI loads it", () => {
  // Vitest loads modules as ESM; the CLI (bin/routeops.js) runs the sources as CommonJS through
  // ts-node, where the ESM-only @octokit/rest arrives through Node's require(esm). Check that path.
  it("loads @octokit/rest through ts-node's CommonJS require and upserts an issue", async () => {
    standin = await startGitHubStandin({ token: "cjs-token", repository: "acme/routing" });
    const script = `
      require("ts-node").register({
        project: ${JSON.stringify(path.join(root, "tsconfig.json"))},
        transpileOnly: true,
        compilerOptions: { module: "commonjs", moduleResolution: "node10" },
      });
      const { createGitHubAdapter } = require(${JSON.stringify(path.join(root, "src/github"))});
      createGitHubAdapter({ token: "cjs-token", repository: "acme/routing", baseUrl: process.argv[1] })
        .upsertIssueByMarker({ marker: "audit", title: "Routing audit", body: "from CommonJS" })
        .then((result) => process.stdout.write(JSON.stringify(result)));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ["-e", script, standin.baseUrl], { cwd: root });
    expect(JSON.parse(stdout)).toMatchObject({ action: "created", number: 1 });
    expect(standin.issues[0]?.body).toBe("<!-- routeops:audit -->\nfrom CommonJS");
  });
});
