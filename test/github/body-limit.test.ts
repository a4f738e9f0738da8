import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitToLimit } from "../../src/github";
import { redactSecrets } from "../../src/secrets";

describe("fitToLimit", () => {
  it("leaves a text that fits untouched", () => {
    expect(fitToLimit("short", { limit: 5 })).toEqual({ text: "short", truncated: false });
  });

  it("always fits the limit and keeps a prefix of the text, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", minLength: 1, maxLength: 3000 }),
        fc.integer({ min: 400, max: 2000 }),
        (text, limit) => {
          for (const unit of ["characters", "utf8-bytes"] as const) {
            const fitted = fitToLimit(text, { limit, unit });
            const size = unit === "characters" ? fitted.text.length : new TextEncoder().encode(fitted.text).length;
            expect(size).toBeLessThanOrEqual(limit);
            if (fitted.truncated) {
              const kept = fitted.text.slice(0, fitted.text.indexOf("\n\n---\n**Truncated by RouteOps"));
              expect(text.startsWith(kept.replace(/\n(`{3,}|~{3,})$/, ""))).toBe(true);
            }
          }
        },
      ),
    );
  });

  it("closes a code fence left open by the cut so that the note is not swallowed", () => {
    const text = "Plan:\n````diff\n" + "+ added line\n".repeat(500) + "````\n";
    const fitted = fitToLimit(text, { limit: 2000 });
    expect(fitted.truncated).toBe(true);
    const beforeNote = fitted.text.slice(0, fitted.text.indexOf("\n\n---\n"));
    expect(beforeNote.endsWith("\n````")).toBe(true);
    expect(fitted.text).toMatch(/\*\*Truncated by RouteOps:\*\* [\d,]+ characters were left out/);
  });

  it("cuts at a line break rather than in the middle of a line", () => {
    const fitted = fitToLimit("line of text\n".repeat(1000), { limit: 1000 });
    expect(fitted.text.slice(0, fitted.text.indexOf("\n\n---\n")).endsWith("line of text")).toBe(true);
  });

  it("never splits a surrogate pair", () => {
    const fitted = fitToLimit("😀".repeat(2000), { limit: 1001 });
    expect(fitted.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe("redactSecrets", () => {
  it("removes the token, token-shaped strings and Authorization values, and keeps prose", () => {
    const text =
      "failed with my-secret-value; header: Bearer abcdefghijklmnopqrstuvwx; leaked ghs_0123456789abcdefABCDEF and github_pat_11AAAAAAA0123456789_abcdefghij; the token was rejected";
    const out = redactSecrets(text, ["my-secret-value"]);
    expect(out).toBe(
      "failed with [redacted]; header: Bearer [redacted]; leaked [redacted] and [redacted]; the token was rejected",
    );
  });
});
