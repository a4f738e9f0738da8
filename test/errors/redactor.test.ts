import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRedactor, REDACTED, redactSecrets, secretsFromEnv } from "../../src/secrets";

describe("the secret redactor", () => {
  it("removes a given secret raw, JSON-escaped and URL-encoded, with one marker", () => {
    const token = 'abc-"secret"/value';
    const text = `raw ${token} json ${JSON.stringify(token)} url ${encodeURIComponent(token)}`;
    const clean = redactSecrets(text, [token]);
    expect(clean).not.toContain("secret");
    expect(clean.split(REDACTED)).toHaveLength(4);
  });

  it("removes a secret that a Markdown renderer escaped (backslashes, zero-width spaces)", () => {
    const escaped = "config `/tmp/hub\\-secret\\-0f3a9c/index` and hub-secret\u200b-0f3a9c";
    expect(redactSecrets(escaped, ["hub-secret-0f3a9c"])).toBe(`config \`/tmp/${REDACTED}/index\` and ${REDACTED}`);
  });

  it("removes HubSpot and GitHub token shapes and Authorization values it was not given", () => {
    const redact = createRedactor([]);
    expect(redact("t pat-eu1-11111111-2222-3333-4444-555555555555 x")).toBe(`t ${REDACTED} x`);
    expect(redact("leaked ghp_0123456789abcdefABCDEF!")).toBe(`leaked ${REDACTED}!`);
    expect(redact("Authorization: Bearer abc.def")).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redact("Authorization: token 0123456789abcdef0123")).toBe(`Authorization: token ${REDACTED}`);
  });

  it("keeps prose and ignores secrets shorter than 4 characters", () => {
    expect(redactSecrets("the token was rejected by the abc portal", ["abc", undefined, ""])).toBe(
      "the token was rejected by the abc portal",
    );
  });

  it("removes a secret that contains another one whole", () => {
    expect(redactSecrets("x secret-long y", ["secret", "secret-long"])).toBe(`x ${REDACTED} y`);
  });

  it("reads the secrets RouteOps uses from the environment, trimmed", () => {
    expect(
      secretsFromEnv({
        HUBSPOT_ACCESS_TOKEN: " hub-token\n",
        GITHUB_TOKEN: "",
        ROUTEOPS_EMULATOR_TOKEN: "emu-token",
        HOME: "/h",
      }),
    ).toEqual(["hub-token", "emu-token"]);
  });
});

/** Every .ts file under src, relative to the repository. */
function sourceFiles(dir = path.resolve(__dirname, "../../src")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

describe("one redactor", () => {
  it("no module outside src/secrets replaces secrets itself or uses another marker", () => {
    const own = path.resolve(__dirname, "../../src/secrets");
    const offenders = sourceFiles()
      .filter((file) => !file.startsWith(own + path.sep))
      .flatMap((file) => {
        const text = readFileSync(file, "utf8");
        const found = [
          /\.join\(\s*["'`]\*\*\*["'`]\s*\)/.test(text) && "joins with ***",
          /["'`]\[redacted\]["'`]/i.test(text) && "spells the [redacted] marker",
          /\.split\(\s*(secret|token)\w*\s*\)\s*\.join\(/.test(text) && "splits on a secret",
          /\.replace\([^)]*Bearer/i.test(text) && "replaces Bearer values",
        ].filter((hit): hit is string => typeof hit === "string");
        return found.map((hit) => `${path.relative(process.cwd(), file)}: ${hit}`);
      });
    expect(offenders).toEqual([]);
  });
});
