import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulator, StateFileError } from "../../src/emulator";
import { call, client, emulator, REPS } from "./harness";

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "routeops-emulator-"));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe("emulator state file", () => {
  it("lets a second emulator on the same file see the first one's writes", async () => {
    const statePath = path.join(await tempDir(), "portal.json");
    const first = await emulator({ statePath });
    const contact = await client(first).crm.contacts.basicApi.create({ properties: { email: "kept@x.example" } });
    await client(first).crm.properties.groupsApi.create("contacts", { name: "routeops", label: "RouteOps" });
    await first.close();
    const second = await emulator({ statePath, seed: { reps: REPS, contacts: 5 } });
    const read = await client(second).crm.contacts.basicApi.getById(contact.id, ["email"]);
    expect(read.properties.email).toBe("kept@x.example");
    expect((await client(second).crm.properties.groupsApi.getByName("contacts", "routeops")).label).toBe("RouteOps");
    expect(second.portal.owners.list()).toHaveLength(0);
    const next = await client(second).crm.contacts.basicApi.create({ properties: { email: "new@x.example" } });
    expect(Number(next.id)).toBeGreaterThan(Number(contact.id));
  });

  it("a file saved before a default property existed gets it on load (HubSpot always has its defaults)", async () => {
    const statePath = path.join(await tempDir(), "portal.json");
    const first = await emulator({ statePath });
    await first.close();
    const saved = JSON.parse(await readFile(statePath, "utf8")) as {
      properties: { companies: { name: string }[] };
    };
    saved.properties.companies = saved.properties.companies.filter((p) => p.name !== "hs_additional_domains");
    await writeFile(statePath, JSON.stringify(saved));
    const second = await emulator({ statePath });
    const property = await client(second).crm.properties.coreApi.getByName("companies", "hs_additional_domains");
    expect(property.label).toBe("Additional Domains");
  });

  it("writes a whole JSON file after every write, through a temporary file that does not linger", async () => {
    const dir = await tempDir();
    const statePath = path.join(dir, "portal.json");
    const emu = await emulator({ statePath });
    for (let i = 0; i < 5; i++) {
      await call(emu, "POST", "/crm/v3/objects/contacts", { properties: { email: `c${i}@x.example` } });
      const saved = JSON.parse(await readFile(statePath, "utf8"));
      expect(saved.contacts).toHaveLength(i + 1);
    }
    expect(await readdir(dir)).toEqual(["portal.json"]);
  });

  it("removes the temporary files a crashed emulator left beside its state file, and nothing else", async () => {
    const dir = await tempDir();
    const statePath = path.join(dir, "portal.json");
    const first = await emulator({ statePath });
    await call(first, "POST", "/crm/v3/objects/contacts", { properties: { email: "kept@x.example" } });
    await first.close();
    // What kill -9 during a write leaves: the half-written temporary files of older and current versions.
    for (const name of ["portal.json.0123456789ab.tmp", "portal.json.tmp"]) {
      await writeFile(path.join(dir, name), '{"half": ', "utf8");
    }
    await writeFile(path.join(dir, "other.json.0123456789ab.tmp"), "not ours", "utf8");
    const second = await emulator({ statePath });
    expect((await readdir(dir)).sort()).toEqual(["other.json.0123456789ab.tmp", "portal.json"]);
    expect([...second.portal.contacts.all()]).toHaveLength(1);
  });

  it("does not rewrite the file for reads", async () => {
    const statePath = path.join(await tempDir(), "portal.json");
    const emu = await emulator({ statePath });
    await writeFile(statePath, (await readFile(statePath, "utf8")).replace('"owners":[]', '"owners":[] '));
    const before = await readFile(statePath, "utf8");
    await call(emu, "GET", "/crm/v3/owners");
    await call(emu, "POST", "/crm/v3/objects/contacts/search", {});
    expect(await readFile(statePath, "utf8")).toBe(before);
  });

  it("refuses a file that is not JSON, naming the file", async () => {
    const statePath = path.join(await tempDir(), "broken.json");
    await writeFile(statePath, "{ not json");
    const started = startEmulator({ statePath });
    await expect(started).rejects.toBeInstanceOf(StateFileError);
    await expect(started).rejects.toThrow(`${statePath}: not valid JSON`);
  });

  it("refuses a file of the wrong shape, naming the path inside it", async () => {
    const statePath = path.join(await tempDir(), "wrong.json");
    const emu = await emulator();
    const dump = (await call(emu, "GET", "/_emulator/state")).body;
    dump.contacts = [{ id: "abc", properties: {}, createdAt: 1, updatedAt: 1, archived: false }];
    await writeFile(statePath, JSON.stringify(dump));
    await expect(startEmulator({ statePath })).rejects.toThrow(
      /wrong\.json: not an emulator state file: contacts\.0\.id/,
    );
  });
});
