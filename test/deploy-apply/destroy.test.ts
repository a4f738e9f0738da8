/**
 * Destroying is never implicit: a plan that deletes a workflow, archives a property or removes an
 * option of a property (contacts may hold it) is printed, and deploy stops before any write
 * unless `--allow-destroy` is given.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { createHubSpotAdapter } from "../../src/hubspot";
import { ConfigFolder } from "../config/config-folder";
import { AT, deploy, routeops, startPortal, writeRequests } from "./support";

let emulator: RunningEmulator;
let folder: ConfigFolder;

beforeEach(async () => {
  emulator = await startPortal();
  const first = await deploy(emulator);
  if (first.code !== 0) throw new Error(`the first deploy failed: ${first.err}`);
  folder = new ConfigFolder();
});
afterEach(async () => {
  folder.remove();
  await emulator.close();
});

/** plan or deploy of the config copy in `folder`. */
const inFolder = (command: "plan" | "deploy", ...args: string[]) =>
  routeops(emulator, [command, "--at", AT, ...args], { cwd: folder.cwd });

const GENERAL_FORM = `  {
    id: "inbound_general_form",
    label: "Inbound: general form",
    system: "inbound",
    intent: "standard",
    matchers: [{ event: "form_submission", formId: ["contact-us"] }],
  },
`;

describe("removing a source type from the config", () => {
  beforeEach(() => folder.edit("routing/sources.ts", GENERAL_FORM, ""));

  it("is planned as an update that removes an option, and the plan says deploy needs --allow-destroy", async () => {
    const run = await inFolder("plan");
    expect(run.code).toBe(0);
    expect(run.out).toContain("# property routeops_source_type will be updated in-place");
    expect(run.err).toContain(
      "Deploying this plan needs --allow-destroy: remove option inbound_general_form of property routeops_source_type",
    );
  });

  it("stops deploy before any write without --allow-destroy", async () => {
    const before = emulator.requests.entries.length;
    const run = await inFolder("deploy");
    expect(run.code).toBe(1);
    expect(run.out).toContain("# property routeops_source_type will be updated in-place");
    expect(run.err).toContain("nothing was written");
    expect(run.err).toContain("--allow-destroy");
    expect(writeRequests(emulator, before)).toEqual([]);
  });

  it("is applied with --allow-destroy", async () => {
    const run = await inFolder("deploy", "--allow-destroy");
    expect(run.code).toBe(0);
    const options = emulator.portal.properties.contacts.get("routeops_source_type")?.options ?? [];
    expect(options.map((option) => option.value)).not.toContain("inbound_general_form");
    expect(options.length).toBeGreaterThan(0);
  });
});

describe("dropping a touch kind from re-engagement", () => {
  // Event touches have no HubSpot trigger (no flow is written for them): drop calls instead.
  const TOUCH_CALL = "RouteOps: outbound touch, call";
  beforeEach(() =>
    folder.edit(
      "routing/reengagement.ts",
      `touchKinds: ["sequence_enrollment", "call", "event"]`,
      `touchKinds: ["sequence_enrollment", "event"]`,
    ),
  );

  it("deletes its workflow only with --allow-destroy", async () => {
    const refused = await inFolder("deploy");
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`delete workflow "${TOUCH_CALL}"`);
    expect(emulator.portal.flows.list().some((flow) => flow.name === TOUCH_CALL)).toBe(true);

    const applied = await inFolder("deploy", "--allow-destroy");
    expect(applied.code).toBe(0);
    expect(emulator.portal.flows.list().some((flow) => flow.name === TOUCH_CALL)).toBe(false);
  });
});

describe("a managed property the config no longer has", () => {
  it("is archived only with --allow-destroy", async () => {
    const hubspot = createHubSpotAdapter({ accessToken: emulator.token, baseUrl: emulator.baseUrl });
    await hubspot.createProperties("contacts", [
      {
        name: "routeops_legacy_score",
        label: "Legacy score",
        type: "string",
        fieldType: "text",
        groupName: "routeops",
        description: "Score of an older RouteOps. [managed by RouteOps] config 2025.1.1, digest 0123456789ab.",
      },
    ]);
    const refused = await inFolder("deploy");
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("archive property routeops_legacy_score");
    expect(emulator.portal.properties.contacts.get("routeops_legacy_score")).toBeDefined();

    const applied = await inFolder("deploy", "--allow-destroy");
    expect(applied.code).toBe(0);
    expect(emulator.portal.properties.contacts.get("routeops_legacy_score")).toBeUndefined();
    expect(emulator.portal.properties.contacts.getArchived("routeops_legacy_score")).toBeDefined();
  });
});
