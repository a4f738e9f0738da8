import { describe, expect, it } from "vitest";
import { WindowError } from "../../src/audit/window";
import { UsageError } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { DeployPlanError } from "../../src/deploy/apply/writes";
import { EmulatorOptionError } from "../../src/emulator/start";
import { StateFileError } from "../../src/emulator/state-file";
import { RouteOpsError } from "../../src/errors";
import { ContactsInputError } from "../../src/files/contacts-input";
import { FixtureLoadError } from "../../src/files/fixture-loader";
import { GitRefError } from "../../src/files/git-ref";
import { PlanFileError } from "../../src/files/plan-file";
import { ReportOutputError } from "../../src/files/report-output";
import { GitHubError } from "../../src/github";
import { HubSpotConfigError, HubSpotError } from "../../src/hubspot";
import { captureIO } from "../support/cli-io";

describe("one error base with stable codes", () => {
  it.each([
    [new UsageError("x"), "usage"],
    [new PlanFileError("x"), "plan_file"],
    [new ReportOutputError("x"), "report_output"],
    [new FixtureLoadError("x"), "fixture_load"],
    [new ContactsInputError("x"), "contacts_input"],
    [new WindowError("x"), "invalid_window"],
    [new StateFileError("x"), "state_file"],
    [new EmulatorOptionError("x"), "emulator_option"],
    [new DeployPlanError("x"), "invalid_plan"],
    [new GitRefError("not_a_ref", "x"), "not_a_ref"],
    [new HubSpotConfigError("x"), "hubspot_config"],
    [new GitHubError("forbidden", "x"), "forbidden"],
    [new HubSpotError({ code: "rate_limited", method: "GET", path: "/p", status: 429, attempts: 3 }), "rate_limited"],
  ])("%s is a RouteOpsError with code %s", (error, code) => {
    expect(error).toBeInstanceOf(RouteOpsError);
    expect(error.code).toBe(code);
    expect(error.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });
});

describe("the CLI maps errors to exit codes", () => {
  const commandThatThrows = (error: unknown) => ({
    name: "boom",
    summary: "",
    usage: "Usage: routeops boom",
    run: () => Promise.reject(error),
  });

  async function runThrowing(error: unknown) {
    const { commands } = await import("../../src/cli/commands");
    commands.boom = async () => commandThatThrows(error);
    try {
      const io = captureIO({ HUBSPOT_ACCESS_TOKEN: "tok-secret-123" });
      const code = await main(["boom"], io);
      return { code, err: io.err() };
    } finally {
      delete commands.boom;
    }
  }

  it("an expected failure is one line with its code, exit 1", async () => {
    const { code, err } = await runThrowing(
      new RouteOpsError("plan_file", "cannot write tok-secret-123", { lines: ["first", "second"] }),
    );
    expect(code).toBe(1);
    expect(err).toBe("routeops boom: cannot write [redacted] [plan_file]\n  first\n  second\n");
  });

  it("a usage error prints the usage, exit 2", async () => {
    const { code, err } = await runThrowing(new UsageError("--x is not an option"));
    expect(code).toBe(2);
    expect(err).toContain("routeops boom: --x is not an option\n\nUsage: routeops boom");
  });

  it("anything else is reported as a bug, without a stack, exit 1", async () => {
    const { code, err } = await runThrowing(new TypeError("x is undefined"));
    expect(code).toBe(1);
    expect(err).toBe("routeops boom: internal error (a bug in RouteOps, please report it): x is undefined\n");
  });
});
