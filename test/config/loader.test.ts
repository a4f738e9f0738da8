import { afterEach, describe, expect, it } from "vitest";
import { loadAndValidate, loadRoutingConfig } from "../../src/files/config-loader";
import { ConfigFolder } from "./config-folder";

let folders: ConfigFolder[] = [];
function folder(): ConfigFolder {
  const created = new ConfigFolder();
  folders.push(created);
  return created;
}
afterEach(() => {
  folders.forEach((f) => f.remove());
  folders = [];
});

describe("loading a config module", () => {
  it("loads the reference organisation from routing/index.ts with every file it reads", () => {
    const f = folder();
    const loaded = loadRoutingConfig("routing/index.ts", { cwd: f.cwd });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    expect(loaded.entryFile).toBe(f.path("routing/index.ts"));
    expect([...loaded.sourceFiles.keys()].sort()).toEqual(
      ["calendars", "index", "pools", "reengagement", "reps", "slas", "sources", "systems", "territories"].map((n) =>
        f.path(`routing/${n}.ts`),
      ),
    );
    expect(loaded.sourceFiles.get(f.path("routing/reps.ts"))).toBe(f.read("routing/reps.ts"));
  });

  it("finds routing/index.ts from the folder name", () => {
    const f = folder();
    const result = loadAndValidate("routing", { cwd: f.cwd });
    expect(result.diagnostics).toEqual([]);
    expect(result.config?.version).toBe("2026.11.1");
  });

  it("loads the files afresh each time, so an edit between two loads is seen", () => {
    const f = folder();
    expect(loadAndValidate("routing/index.ts", { cwd: f.cwd }).config?.version).toBe("2026.11.1");
    f.edit("routing/index.ts", 'version: "2026.11.1"', 'version: "2026.12.0"');
    f.edit(
      "routing/slas.ts",
      'target: { unit: "business_hours", amount: 4 }',
      'target: { unit: "business_hours", amount: 0 }',
    );
    const second = loadAndValidate("routing/index.ts", { cwd: f.cwd });
    expect(second.config).toBeUndefined();
    expect(second.diagnostics.map((d) => d.code)).toEqual(["invalid_sla_amount"]);
  });

  it("accepts a named `routing` export in a CommonJS .js file", () => {
    const f = folder();
    const config = loadRoutingConfig("routing/index.ts", { cwd: f.cwd });
    if (!config.ok) throw new Error("reference copy did not load");
    f.write("plain/routing.js", `exports.routing = ${JSON.stringify(config.config, null, 2)};\n`);
    expect(loadAndValidate("plain/routing.js", { cwd: f.cwd }).diagnostics).toEqual([]);
  });
});

describe("load failures are diagnostics with a file and line, never a stack trace", () => {
  it("reports a missing file with every path tried", () => {
    const f = folder();
    const result = loadAndValidate("config/routes", { cwd: f.cwd });
    expect(result.diagnostics).toEqual([
      {
        code: "config_not_found",
        severity: "error",
        path: "",
        message:
          'no routing config at "config/routes"; tried config/routes, config/routes.ts, config/routes.js, config/routes/index.ts, config/routes/index.js',
      },
    ]);
  });

  it("reports a syntax error in an imported file at its line", () => {
    const f = folder();
    f.edit("routing/reps.ts", 'role: "AE", calendar: "uk", territories: ["emea"] },', 'role: "AE" calendar: "uk" },');
    const [diagnostic, ...rest] = loadAndValidate("routing/index.ts", { cwd: f.cwd }).diagnostics;
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({
      code: "config_syntax_error",
      severity: "error",
      file: "routing/reps.ts",
      line: f.lineOf("routing/reps.ts", "elena.rossi"),
    });
    expect(diagnostic!.message).toBe('syntax error: Unexpected token, expected ","');
    expect(diagnostic!.column).toBe(f.columnOf("routing/reps.ts", 'calendar: "uk" }'));
  });

  it("reports the first syntax error of a TypeScript file where it is, not at the entry file", () => {
    const f = folder();
    f.edit(
      "routing/slas.ts",
      'amount: 60 } },\n  { id: "inbound-standard"',
      'amount: 60 } }\n  { id: "inbound-standard"',
    );
    f.edit("routing/slas.ts", '{ unit: "end_of_business_day" } },', '{ unit: "end_of_business_day" } }');
    const diagnostics = loadAndValidate("routing/index.ts", { cwd: f.cwd }).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ["config_syntax_error", "routing/slas.ts", f.lineOf("routing/slas.ts", 'id: "inbound-standard"')],
    ]);
  });

  it("reports a syntax error in the entry file itself at its line", () => {
    const f = folder();
    f.edit("routing/index.ts", "  calendars,\n", "  calendars\n");
    const diagnostics = loadAndValidate("routing/index.ts", { cwd: f.cwd }).diagnostics;
    expect(diagnostics).toMatchObject([
      { code: "config_syntax_error", file: "routing/index.ts", line: f.lineOf("routing/index.ts", "  reps,") },
    ]);
  });

  it("reports a syntax error in an ES module written in JavaScript at its line", () => {
    const f = folder();
    f.write("plain/routing.mjs", 'export default {\n  version: "1"\n  calendars: [],\n};\n');
    const diagnostics = loadAndValidate("plain/routing.mjs", { cwd: f.cwd }).diagnostics;
    expect(diagnostics).toMatchObject([{ code: "config_syntax_error", file: "plain/routing.mjs", line: 3 }]);
  });

  it("reports a syntax error in a JavaScript config at its line", () => {
    const f = folder();
    f.write("plain/routing.js", 'exports.routing = {\n  version: "1",\n  calendars: [,\n};\n');
    const diagnostics = loadAndValidate("plain/routing.js", { cwd: f.cwd }).diagnostics;
    expect(diagnostics).toMatchObject([{ code: "config_syntax_error", file: "plain/routing.js", line: 4 }]);
    expect(diagnostics[0]!.message).toMatch(/^syntax error: /);
  });

  // Every way a config can be written: jiti transpiles TypeScript and ES modules with Babel, and
  // hands plain CommonJS to Node, whose V8 reports its own syntax errors: each names the file and line.
  const broken = 'export const version = "1"\nexport const extra = {\n  a: 1\n  b: 2,\n};\n';
  const brokenCommonJs = 'exports.version = "1";\nexports.extra = {\n  a: 1\n  b: 2,\n};\n';
  it.each([
    ["a TypeScript ES module (.mts) as the entry file", "conf/index.mts", "conf/index.mts", broken, ""],
    ["a CommonJS TypeScript file (.cts) as the entry file", "conf/index.cts", "conf/index.cts", brokenCommonJs, ""],
    [
      "a .mts file imported from .ts",
      "conf/index.ts",
      "conf/extra.mts",
      broken,
      'import { extra } from "./extra.mjs";',
    ],
    [
      "a .js CommonJS file imported from .ts",
      "conf/index.ts",
      "conf/extra.js",
      brokenCommonJs,
      'import { extra } from "./extra";',
    ],
    [
      "a .mjs file imported from .ts",
      "conf/index.ts",
      "conf/extra.mjs",
      broken,
      'import { extra } from "./extra.mjs";',
    ],
    [
      "a .cjs file imported from .ts",
      "conf/index.ts",
      "conf/extra.cjs",
      brokenCommonJs,
      'import { extra } from "./extra.cjs";',
    ],
  ])("reports a syntax error in %s at its line", (_, entry, brokenFile, text, importLine) => {
    const f = folder();
    if (entry !== brokenFile) {
      f.write(entry, `${importLine}\nexport default { version: "1", extra };\n`);
    }
    f.write(brokenFile, text);
    const diagnostics = loadAndValidate(entry, { cwd: f.cwd }).diagnostics;
    expect(diagnostics).toMatchObject([{ code: "config_syntax_error", severity: "error", file: brokenFile, line: 4 }]);
    expect(diagnostics[0]!.message).toMatch(/^syntax error: \S/);
    expect(diagnostics[0]!.message).not.toContain(f.cwd);
  });

  it("reports a module that throws at the line that threw, with the message only", () => {
    const f = folder();
    f.edit(
      "routing/pools.ts",
      "export const queues",
      'function deskOwner(): string {\n  throw new Error("desk owner not configured");\n}\nexport const desk = deskOwner();\n\nexport const queues',
    );
    const [diagnostic, ...rest] = loadAndValidate("routing/index.ts", { cwd: f.cwd }).diagnostics;
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({
      code: "config_load_failed",
      file: "routing/pools.ts",
      line: f.lineOf("routing/pools.ts", "throw new Error"),
      message: "loading the config failed: desk owner not configured",
    });
  });

  it("reports an import of a file that does not exist at the importing line", () => {
    const f = folder();
    f.edit("routing/index.ts", 'from "./slas";', 'from "./sla";');
    const [diagnostic] = loadAndValidate("routing/index.ts", { cwd: f.cwd }).diagnostics;
    expect(diagnostic).toMatchObject({
      code: "config_load_failed",
      file: "routing/index.ts",
      line: f.lineOf("routing/index.ts", './sla"'),
    });
    expect(diagnostic!.message).toContain("Cannot find module './sla'");
    expect(diagnostic!.message).not.toContain("Require stack");
  });

  it("reports a module that exports no config, naming what it exports", () => {
    const f = folder();
    f.edit("routing/index.ts", "export default defineRouting(", "export const acme = defineRouting(");
    expect(loadAndValidate("routing/index.ts", { cwd: f.cwd }).diagnostics).toEqual([
      {
        code: "config_missing_export",
        severity: "error",
        path: "",
        file: "routing/index.ts",
        message:
          "routing/index.ts exports no routing config: expected `export default defineRouting({...})` or `export const routing = ...` (it exports acme)",
      },
    ]);
  });
});

describe("running the config's code", () => {
  it("stops a config that never finishes loading and names the file whose code was running, instead of hanging", () => {
    const f = folder();
    f.edit(
      "routing/pools.ts",
      "export const queues",
      "while (Date.now() > 0) {\n  // waits forever\n}\nexport const queues",
    );
    const diagnostics = loadAndValidate("routing/index.ts", { cwd: f.cwd, timeoutMs: 1500 }).diagnostics;
    expect(diagnostics).toEqual([
      {
        code: "config_load_timeout",
        severity: "error",
        path: "",
        file: "routing/pools.ts",
        message:
          "loading routing/pools.ts did not finish within 1.5 s: its code does not end (an endless loop, or a wait for something that never comes); a config is data and should load at once",
      },
    ]);
  });

  it("names the entry file when the endless loop is in it", () => {
    const f = folder();
    f.edit(
      "routing/index.ts",
      "export default defineRouting(",
      "for (;;) {\n  // waits forever\n}\nexport default defineRouting(",
    );
    const diagnostics = loadAndValidate("routing/index.ts", { cwd: f.cwd, timeoutMs: 1000 }).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([["config_load_timeout", "routing/index.ts"]]);
  });

  it("names the config file that imported an installed package whose code never ends, not the package", () => {
    const f = folder();
    f.write("node_modules/endless-lib/package.json", '{ "name": "endless-lib", "main": "index.js" }\n');
    f.write(
      "node_modules/endless-lib/index.js",
      "while (Date.now() > 0) {\n  // waits forever\n}\nexports.ready = true;\n",
    );
    f.edit(
      "routing/pools.ts",
      "export const queues",
      'import { ready } from "endless-lib";\nif (!ready) throw new Error("endless-lib is half-loaded");\nexport const queues',
    );
    const diagnostics = loadAndValidate("routing/index.ts", { cwd: f.cwd, timeoutMs: 1000 }).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([["config_load_timeout", "routing/pools.ts"]]);
    // The package stopped half-way is not kept: once it ends, the config loads.
    f.write("node_modules/endless-lib/index.js", "exports.ready = true;\n");
    expect(loadAndValidate("routing/index.ts", { cwd: f.cwd }).diagnostics).toEqual([]);
  });

  it("loads the config again after a load that was stopped", () => {
    const f = folder();
    f.edit(
      "routing/reps.ts",
      "export const reps",
      "while (Date.now() > 0) {\n  // waits forever\n}\nexport const reps",
    );
    expect(loadAndValidate("routing/index.ts", { cwd: f.cwd, timeoutMs: 1000 }).diagnostics).toMatchObject([
      { code: "config_load_timeout", file: "routing/reps.ts" },
    ]);
    f.edit("routing/reps.ts", "while (Date.now() > 0) {\n  // waits forever\n}\n", "");
    expect(loadAndValidate("routing/index.ts", { cwd: f.cwd }).diagnostics).toEqual([]);
  });

  it("keeps what a config prints out of the command's output", () => {
    const f = folder();
    f.edit(
      "routing/index.ts",
      "export default defineRouting(",
      'console.log("hello from the config");\nexport default defineRouting(',
    );
    const lines: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => lines.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      expect(loadAndValidate("routing/index.ts", { cwd: f.cwd }).config?.version).toBe("2026.11.1");
    } finally {
      process.stdout.write = write;
    }
    expect(lines.join("")).not.toContain("hello from the config");
  });

  it("keeps what a config writes to stderr out of the command's output", () => {
    const f = folder();
    f.edit(
      "routing/index.ts",
      "export default defineRouting(",
      'console.error("oops");\nexport default defineRouting(',
    );
    const lines: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => lines.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      expect(loadAndValidate("routing/index.ts", { cwd: f.cwd }).config?.version).toBe("2026.11.1");
    } finally {
      process.stderr.write = write;
    }
    expect(lines.join("")).not.toContain("oops");
  });

  it("reports a config that calls process.exit at that line, and the command goes on", () => {
    const f = folder();
    f.edit("routing/slas.ts", "export const slaPolicies", "process.exit(3);\nexport const slaPolicies");
    const line = f.read("routing/slas.ts").split("\n").indexOf("process.exit(3);") + 1;
    const diagnostics = loadAndValidate("routing/index.ts", { cwd: f.cwd }).diagnostics;
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: "config_load_failed",
        severity: "error",
        file: "routing/slas.ts",
        line,
        message: "loading the config failed: the config called process.exit(3) while loading",
      }),
    ]);
  });

  it("reports a function where data belongs as a shape error, not a crash", () => {
    const f = folder();
    f.edit("routing/index.ts", "  defaultCalendar:", "  reengagement: () => reengagement,\n  defaultCalendar:");
    f.edit("routing/index.ts", "  reengagement,\n", "");
    const diagnostics = loadAndValidate("routing/index.ts", { cwd: f.cwd }).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.path, d.file])).toContainEqual([
      "invalid_shape",
      "reengagement",
      "routing/index.ts",
    ]);
  });

  it("runs the config's code without the command's secrets in process.env", () => {
    const f = folder();
    f.write(
      "peek/index.ts",
      `export default {
  hubspot: process.env.HUBSPOT_ACCESS_TOKEN ?? null,
  github: process.env.GITHUB_TOKEN ?? null,
  database: process.env.DATABASE_URL ?? null,
  other: process.env.SOME_DEPLOY_KEY_PASSWORD ?? null,
  plain: process.env.ROUTEOPS_TEST_PLAIN ?? null,
};
`,
    );
    const names = [
      "HUBSPOT_ACCESS_TOKEN",
      "GITHUB_TOKEN",
      "DATABASE_URL",
      "SOME_DEPLOY_KEY_PASSWORD",
      "ROUTEOPS_TEST_PLAIN",
    ];
    const saved = names.map((name) => process.env[name]);
    Object.assign(process.env, {
      HUBSPOT_ACCESS_TOKEN: "pat-na1-11111111-2222-3333-4444-555555555555",
      GITHUB_TOKEN: "ghs_abcdefghijklmnopqrstuvwxyz012345",
      DATABASE_URL: "postgres://router:hunter2@db/routeops",
      SOME_DEPLOY_KEY_PASSWORD: "hunter3",
      ROUTEOPS_TEST_PLAIN: "not a secret",
    });
    try {
      const loaded = loadRoutingConfig("peek/index.ts", { cwd: f.cwd });
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
      expect(loaded.config).toEqual({
        hubspot: null,
        github: null,
        database: null,
        other: null,
        plain: "not a secret",
      });
    } finally {
      names.forEach((name, index) => {
        if (saved[index] === undefined) delete process.env[name];
        else process.env[name] = saved[index];
      });
    }
  });

  it('resolves the package\'s own name for a config that imports from "routeops"', () => {
    const f = folder();
    expect(f.read("routing/index.ts")).toContain('from "routeops"');
    const loaded = loadRoutingConfig("routing/index.ts", { cwd: f.cwd });
    expect(loaded.ok).toBe(true);
  });
});

describe("locating findings in the config's files", () => {
  it("points at a pool member in routing/pools.ts", () => {
    const f = folder();
    f.edit(
      "routing/pools.ts",
      '{ rep: "farid.haddad@acme.test", weight: 1 }',
      '{ rep: "farid.hadad@acme.test", weight: 1 }',
    );
    const { diagnostics } = loadAndValidate("routing/index.ts", { cwd: f.cwd });
    expect(diagnostics).toMatchObject([
      {
        code: "unknown_rep",
        path: "pools.inbound-ae-emea.members[1].rep",
        file: "routing/pools.ts",
        line: f.lineOf("routing/pools.ts", "farid.hadad"),
      },
    ]);
  });

  it("points at a rep's property in routing/reps.ts by the rep's email", () => {
    const f = folder();
    f.edit("routing/reps.ts", 'replacedBy: "jade.wilson@acme.test"', 'replacedBy: "jade.wilsen@acme.test"');
    expect(loadAndValidate("routing/index.ts", { cwd: f.cwd }).diagnostics).toMatchObject([
      {
        code: "unknown_rep",
        path: "reps.ivan.petrov@acme.test.replacedBy",
        file: "routing/reps.ts",
        line: f.lineOf("routing/reps.ts", "jade.wilsen"),
        column: 5,
      },
    ]);
  });

  it("follows a named constant to where it is written (naPools in routing/systems.ts)", () => {
    const f = folder();
    f.edit("routing/systems.ts", 'emea: "inbound-ae-emea" };', 'emea: "inbound-ae-europe" };');
    expect(loadAndValidate("routing/index.ts", { cwd: f.cwd }).diagnostics).toMatchObject([
      {
        code: "unknown_pool",
        path: "systems.inbound.rules.inbound-high-intent.outcome.byTerritory.emea",
        file: "routing/systems.ts",
        line: f.lineOf("routing/systems.ts", "const naPools"),
      },
    ]);
  });

  it("points at shared weekly hours where they are written, in routing/calendars.ts", () => {
    const f = folder();
    f.edit("routing/calendars.ts", 'wed: ["09:00-17:00"],', 'wed: ["09:00-17:00", "16:00-18:00"],');
    const { diagnostics } = loadAndValidate("routing/index.ts", { cwd: f.cwd });
    const line = f.lineOf("routing/calendars.ts", "16:00-18:00");
    expect(diagnostics.map((d) => [d.code, d.path, d.file, d.line])).toEqual([
      ["overlapping_hours", "calendars.us-east.weeklyHours.wed[1]", "routing/calendars.ts", line],
      ["overlapping_hours", "calendars.us-west.weeklyHours.wed[1]", "routing/calendars.ts", line],
      ["overlapping_hours", "calendars.uk.weeklyHours.wed[1]", "routing/calendars.ts", line],
    ]);
  });

  it("points at the nearest written property when the value is computed (territories built with .map)", () => {
    const f = folder();
    f.edit("routing/territories.ts", '"GB",', '"UK",');
    expect(loadAndValidate("routing/index.ts", { cwd: f.cwd }).diagnostics).toMatchObject([
      {
        code: "invalid_country",
        path: "territories.emea.matches[0].country",
        file: "routing/territories.ts",
        line: f.lineOf("routing/territories.ts", "matches: [", 'id: "emea"'),
      },
    ]);
  });

  it("points at a missing property's element by its id", () => {
    const f = folder();
    f.edit(
      "routing/sources.ts",
      '    intent: "standard",\n    matchers: [{ event: "form_submission", formId: ["contact-us"] }],',
      '    matchers: [{ event: "form_submission", formId: ["contact-us"] }],',
    );
    expect(loadAndValidate("routing/index.ts", { cwd: f.cwd }).diagnostics).toMatchObject([
      {
        code: "missing_intent",
        file: "routing/sources.ts",
        line: f.lineOf("routing/sources.ts", 'id: "inbound_general_form"'),
      },
    ]);
  });

  it("finds a rule by its id when rules are built by a function, not by the SLA policy of the same id", () => {
    const f = folder();
    f.edit(
      "routing/systems.ts",
      '  rules: [\n    {\n      id: "inbound-account-owner"',
      '  rules: inboundRules(),\n};\n\nfunction inboundRules(): InboundSystemConfig["rules"] {\n  return [\n    {\n      id: "inbound-account-owner"',
    );
    f.edit("routing/systems.ts", "  ],\n};\n\n/** Outbound", "  ];\n}\n\n/** Outbound");
    f.edit("routing/systems.ts", 'sla: "inbound-standard",', 'sla: "inbound-standrd",');
    expect(loadAndValidate("routing/index.ts", { cwd: f.cwd }).diagnostics).toMatchObject([
      {
        code: "unknown_sla_policy",
        path: "systems.inbound.rules.inbound-standard.sla",
        file: "routing/systems.ts",
        line: f.lineOf("routing/systems.ts", "inbound-standrd"),
      },
    ]);
  });

  it("points at an unknown property written in a .js config", () => {
    const f = folder();
    const config = loadRoutingConfig("routing/index.ts", { cwd: f.cwd });
    if (!config.ok) throw new Error("reference copy did not load");
    f.write(
      "plain/routing.js",
      `exports.routing = ${JSON.stringify(config.config, null, 2).replace('"lookbackDays": 365', '"lookbackDay": 365')};\n`,
    );
    expect(loadAndValidate("plain/routing.js", { cwd: f.cwd }).diagnostics).toMatchObject([
      { code: "invalid_shape", path: "reengagement.lookbackDays", file: "plain/routing.js" },
      {
        code: "invalid_shape",
        path: "reengagement.lookbackDay",
        file: "plain/routing.js",
        line: f.lineOf("plain/routing.js", '"lookbackDay"'),
      },
    ]);
  });
});
