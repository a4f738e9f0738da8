/**
 * Drift of managed objects, end to end: `routing/` deployed to an emulator portal, then changed
 * by hand through HubSpot's API, then audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEnvelope, DriftItem } from "../../src/audit";
import { main } from "../../src/cli/main";
import type { RunningEmulator } from "../../src/emulator";
import { createHubSpotAdapter } from "../../src/hubspot";
import { captureIO, SEED_NOW, seededPortal } from "./seeded-portal";
import { createRequestOf } from "../../src/hubspot-contract";

let emulator: RunningEmulator;
let disabledFlow: string;
let deletedFlow: string;

async function audit(args: string[]): Promise<{ code: number; envelope: AuditEnvelope }> {
  const io = captureIO({ HUBSPOT_ACCESS_TOKEN: emulator.token });
  const code = await main(
    ["audit", "--now", SEED_NOW, "--hubspot-base-url", emulator.baseUrl, "--format", "json", ...args],
    io,
  );
  return { code, envelope: JSON.parse(io.out()) as AuditEnvelope };
}

function item(items: DriftItem[] | undefined, name: string): DriftItem | undefined {
  return items?.find((candidate) => candidate.name === name);
}

describe("audit: drift of managed objects", () => {
  beforeAll(async () => {
    emulator = await seededPortal(0, 2);
  });

  afterAll(async () => {
    await emulator?.close();
  });

  it("finds nothing right after a deploy", async () => {
    const { code, envelope } = await audit(["--fail-on", "drift"]);
    expect(envelope.report?.drift).toEqual({ checked: true, uncheckedReason: null, items: [] });
    expect(code).toBe(0);
  });

  describe("after changes made by hand in HubSpot", () => {
    let items: DriftItem[] | undefined;
    let code: number;

    beforeAll(async () => {
      const hubspot = createHubSpotAdapter({ accessToken: emulator.token, baseUrl: emulator.baseUrl });
      await hubspot.updateProperty("contacts", "routeops_pool", { label: "Pool (renamed by hand)" });
      await hubspot.archiveProperty("contacts", "routeops_notification");
      const flows = (await hubspot.listFlows())
        .filter((f) => f.name.startsWith("RouteOps"))
        .sort((a, b) => a.name.localeCompare(b.name));
      const [toDisable, toDelete] = flows;
      disabledFlow = toDisable!.name;
      deletedFlow = toDelete!.name;
      const [full] = await hubspot.getFlows([toDisable!.id]);
      await hubspot.replaceFlow(toDisable!.id, { ...createRequestOf(full!), isEnabled: false }, full!.revisionId);
      await hubspot.deleteFlow(toDelete!.id);
      const run = await audit(["--fail-on", "drift"]);
      code = run.code;
      items = run.envelope.report?.drift.items;
    });

    it("reports a property edited outside RouteOps, with the field", () => {
      const pool = item(items, "routeops_pool");
      expect(pool).toMatchObject({ object: "property", change: "edited" });
      expect(pool?.details.join("\n")).toContain("label");
      expect(pool?.details[0]).toBe("property routeops_pool was changed outside RouteOps (label)");
    });

    it("reports a property archived outside RouteOps", () => {
      expect(item(items, "routeops_notification")).toMatchObject({ object: "property", change: "archived" });
    });

    it("reports a workflow disabled outside RouteOps", () => {
      expect(item(items, disabledFlow)).toMatchObject({ object: "flow", change: "disabled" });
    });

    it("reports a deleted workflow as missing", () => {
      expect(item(items, deletedFlow)).toMatchObject({ object: "flow", change: "missing" });
    });

    it("reports nothing else", () => {
      expect(items?.map((i) => i.name).sort()).toEqual(
        ["routeops_pool", "routeops_notification", disabledFlow, deletedFlow].sort(),
      );
    });

    it("exits 3 with --fail-on drift", () => {
      expect(code).toBe(3);
    });
  });
});
