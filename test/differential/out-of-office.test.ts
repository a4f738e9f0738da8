/**
 * Warning out_of_office_by_deploy_date, shown: HubSpot cannot read absences, so the rotation lists
 * are those of the deploy date. A portal deployed before Farid Haddad's absence keeps rotating him
 * in during it; deploying again on a day of the absence takes him out, as the engine does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileRouting, route } from "../../src/engine";
import type { RouteInput } from "../../src/engine/types";
import { deployedPortal, referenceConfig, type DeployedPortal } from "./deployed-portal";
import { replay } from "./replay";

const ABSENT = Date.parse("2026-08-05T10:00:00Z");
const BEFORE_ABSENCE = Date.parse("2026-07-01T10:00:00Z");

/** An EMEA demo request (a Wednesday, 11:00 in London) during the absence. */
const lead = (at: number): RouteInput => ({
  at,
  contact: { properties: { country: "GB" } },
  event: { kind: "form_submission", formId: "demo-request" },
});

describe("out-of-office in HubSpot follows the deploy date", () => {
  const config = referenceConfig();
  const compiled = compileRouting(config);
  let portal: DeployedPortal;

  beforeAll(async () => {
    portal = await deployedPortal(config, BEFORE_ABSENCE);
  });

  afterAll(async () => {
    await portal?.emulator.close();
  });

  it("keeps rotating an absent rep in until the next deploy, then gives every lead to the one available", async () => {
    expect(portal.warningCodes.has("out_of_office_by_deploy_date")).toBe(true);
    const engineOwners = [0, 1].map((i) => route(compiled, lead(ABSENT + i * 60_000)).owner);
    expect(engineOwners).toEqual(["elena.rossi@acme.test", "elena.rossi@acme.test"]);

    const stale = [];
    for (const i of [0, 1]) {
      const replayed = await replay(portal, lead(ABSENT + i * 60_000), 100 + i);
      stale.push(portal.emailOf(replayed.properties.hubspot_owner_id ?? undefined));
    }
    expect(stale.sort()).toEqual(["elena.rossi@acme.test", "farid.haddad@acme.test"]);

    await portal.deployFor(ABSENT);
    const fresh = [];
    for (const i of [2, 3]) {
      const replayed = await replay(portal, lead(ABSENT + i * 60_000), 100 + i);
      fresh.push(portal.emailOf(replayed.properties.hubspot_owner_id ?? undefined));
    }
    expect(fresh).toEqual(["elena.rossi@acme.test", "elena.rossi@acme.test"]);
  });
});
