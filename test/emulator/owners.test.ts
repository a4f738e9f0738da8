import { describe, expect, it } from "vitest";
import { call, client, emulator, failure, REPS } from "./harness";

const manyReps = Array.from({ length: 7 }, (_, i) => ({
  email: `rep${i}@acme.test`,
  firstName: `Rep${i}`,
  lastName: "Test",
  active: true,
}));

describe("emulator owners", () => {
  it("lists active owners with ids, userIds and teams (primary first)", async () => {
    const emu = await emulator({ seed: { reps: REPS, contacts: 0 } });
    const page = await client(emu).crm.owners.ownersApi.getPage();
    expect(page.results.map((o) => o.email)).toEqual([
      "ava.reed@acme.test",
      "ben.ortiz@acme.test",
      "jade.wilson@acme.test",
    ]);
    const jade = page.results[2]!;
    expect(jade).toMatchObject({ firstName: "Jade", lastName: "Wilson", type: "PERSON", archived: false });
    expect(jade.userId).toBe(jade.userIdIncludingInactive);
    expect(jade.teams?.map((t) => [t.name, t.primary])).toEqual([
      ["Outbound", true],
      ["AE", false],
    ]);
    expect(page.paging).toBeUndefined();
  });

  it("lists an inactive rep only with archived=true: same id kind, no userId", async () => {
    const emu = await emulator({ seed: { reps: REPS, contacts: 0 } });
    const archived = await client(emu).crm.owners.ownersApi.getPage(undefined, undefined, 100, true);
    expect(archived.results).toHaveLength(1);
    const ivan = archived.results[0]!;
    expect(ivan).toMatchObject({ email: "ivan.petrov@acme.test", archived: true });
    expect(ivan.userId).toBeUndefined();
    expect(ivan.userIdIncludingInactive).toBeGreaterThan(0);
    expect((await failure(client(emu).crm.owners.ownersApi.getById(Number(ivan.id)))).code).toBe(404);
    const byId = await client(emu).crm.owners.ownersApi.getById(Number(ivan.id), "id", true);
    expect(byId.email).toBe("ivan.petrov@acme.test");
  });

  it("pages with limit and after until paging.next is absent", async () => {
    const emu = await emulator({ seed: { reps: manyReps, contacts: 0 } });
    const api = client(emu).crm.owners.ownersApi;
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await api.getPage(undefined, after, 3);
      seen.push(...page.results.map((o) => o.email!));
      after = page.paging?.next?.after;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(manyReps.map((r) => r.email));
  });

  it("filters by email and reads by userId", async () => {
    const emu = await emulator({ seed: { reps: REPS, contacts: 0 } });
    const api = client(emu).crm.owners.ownersApi;
    const found = await api.getPage("BEN.ORTIZ@acme.test");
    expect(found.results.map((o) => o.email)).toEqual(["ben.ortiz@acme.test"]);
    const byUser = await api.getById(found.results[0]!.userId!, "userId");
    expect(byUser.id).toBe(found.results[0]!.id);
  });

  it("refuses a limit above 500 with 400", async () => {
    const emu = await emulator();
    const answer = await call(emu, "GET", "/crm/v3/owners?limit=501");
    expect(answer.status).toBe(400);
    expect(answer.body.category).toBe("VALIDATION_ERROR");
  });
});
