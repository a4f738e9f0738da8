import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/config/diagnostics";
import {
  diagnosticsSummary,
  escapeGithubData,
  escapeGithubProperty,
  formatDiagnosticsJson,
  formatDiagnosticsText,
  formatGithubAnnotation,
  formatGithubAnnotations,
} from "../../src/report/diagnostics";

const warning: Diagnostic = {
  code: "by_territory_incomplete",
  severity: "warning",
  message: 'byTerritory has no pool for "emea"',
  path: "systems.inbound.rules.inbound-standard.outcome.byTerritory",
  file: "routing/systems.ts",
  line: 47,
  column: 9,
};
const error: Diagnostic = {
  code: "unknown_rep",
  severity: "error",
  message: 'unknown rep "farid.hadad@acme.test"; did you mean "farid.haddad@acme.test"?',
  path: "pools.inbound-ae-emea.members[1].rep",
  file: "routing/pools.ts",
  line: 28,
  column: 9,
};
const notFound: Diagnostic = {
  code: "config_not_found",
  severity: "error",
  message: 'no routing config at "routing/index.ts"; tried routing/index.ts',
  path: "",
};

describe("text for people", () => {
  it("prints errors before warnings, one per line, then the summary", () => {
    expect(formatDiagnosticsText([warning, error])).toBe(
      [
        'routing/pools.ts:28 error pools.inbound-ae-emea.members[1].rep: unknown rep "farid.hadad@acme.test"; did you mean "farid.haddad@acme.test"? [unknown_rep]',
        'routing/systems.ts:47 warning systems.inbound.rules.inbound-standard.outcome.byTerritory: byTerritory has no pool for "emea" [by_territory_incomplete]',
        "1 error, 1 warning",
        "",
      ].join("\n"),
    );
  });

  it("leaves out the location and the path when a diagnostic has none", () => {
    expect(formatDiagnosticsText([notFound])).toBe(
      'error: no routing config at "routing/index.ts"; tried routing/index.ts [config_not_found]\n1 error, 0 warnings\n',
    );
  });

  it("says 0 errors, 0 warnings for a clean config", () => {
    expect(formatDiagnosticsText([])).toBe("0 errors, 0 warnings\n");
    expect(diagnosticsSummary([error, error, warning, warning])).toBe("2 errors, 2 warnings");
  });
});

describe("JSON envelope", () => {
  it("is one document with ok, counts and the diagnostics, errors first", () => {
    const parsed = JSON.parse(formatDiagnosticsJson([warning, error]));
    expect(parsed).toEqual({ ok: false, errors: 1, warnings: 1, diagnostics: [error, warning] });
  });

  it("is ok with warnings only", () => {
    expect(JSON.parse(formatDiagnosticsJson([warning]))).toMatchObject({ ok: true, errors: 0, warnings: 1 });
  });
});

describe("GitHub annotations", () => {
  it("escapes %, CR and LF in messages", () => {
    expect(escapeGithubData("100% done\r\nnext")).toBe("100%25 done%0D%0Anext");
  });

  it("also escapes : and , in properties", () => {
    expect(escapeGithubProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
  });

  it("writes file, line, column and title as properties, and keeps : and , in the message", () => {
    expect(
      formatGithubAnnotation({
        severity: "error",
        file: "routing/a,b.ts",
        line: 3,
        column: 7,
        title: "RouteOps: x",
        message: "one: two, three\nfour",
      }),
    ).toBe("::error file=routing/a%2Cb.ts,line=3,col=7,title=RouteOps%3A x::one: two, three%0Afour");
  });

  it("writes a bare command when there is no property", () => {
    expect(formatGithubAnnotation({ severity: "warning", message: "50%" })).toBe("::warning::50%25");
  });

  it("annotates every diagnostic, errors first, with the path in the message", () => {
    expect(formatGithubAnnotations([warning, error, notFound])).toBe(
      [
        '::error file=routing/pools.ts,line=28,col=9,title=RouteOps unknown_rep::pools.inbound-ae-emea.members[1].rep: unknown rep "farid.hadad@acme.test"; did you mean "farid.haddad@acme.test"?',
        '::error title=RouteOps config_not_found::no routing config at "routing/index.ts"; tried routing/index.ts',
        '::warning file=routing/systems.ts,line=47,col=9,title=RouteOps by_territory_incomplete::systems.inbound.rules.inbound-standard.outcome.byTerritory: byTerritory has no pool for "emea"',
        "",
      ].join("\n"),
    );
    expect(formatGithubAnnotations([])).toBe("");
  });
});
