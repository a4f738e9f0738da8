/**
 * The audit pinned as golden files, per format (text, Markdown, JSON), from a seeded emulator
 * portal at a fixed instant (seed 7, 300 contacts, `--now 2026-11-27T12:00:00Z`), with hostile
 * contact names and import file names among the unclassified contacts the report shows as
 * examples. Update them with `npx vitest run test/audit/golden.test.ts -u` and read the diff.
 * And no Markdown the audit writes from those names can mention, reference or fake a marker.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import type { RunningEmulator } from "../../src/emulator";
import { HOSTILE_NAMES, markdownLeaks } from "../report/hostile";
import { captureIO, NOW, SEED_NOW, seededPortal } from "./seeded-portal";

const MINUTE = 60_000;
let emulator: RunningEmulator;

async function audit(format: "text" | "markdown" | "json"): Promise<string> {
  const io = captureIO({ HUBSPOT_ACCESS_TOKEN: emulator.token });
  const code = await main(
    [
      "audit",
      ...["--now", SEED_NOW, "--since", "30d", "--portal-id", "4242", "--format", format],
      ...["--hubspot-base-url", emulator.baseUrl],
    ],
    io,
  );
  if (code !== 0) throw new Error(`routeops audit exited ${code}: ${io.err()}`);
  return io.out();
}

beforeAll(async () => {
  emulator = await seededPortal(300, 7);
  // Imports nobody classified, made by an attacker: seven groups of five contacts (more than any
  // seeded group, so all seven show), each group's drill-downs two hostile names, and its first
  // three contacts (the examples shown) named by the next three hostile names: every name of
  // HOSTILE_NAMES reaches the report as an example, most also as a group.
  let n = 0;
  for (let group = 0; group < 7; group++) {
    for (let k = 0; k < 5; k++) {
      const name = HOSTILE_NAMES[(group * 3 + Math.min(k, 2)) % HOSTILE_NAMES.length]!;
      const at = NOW - 86_400_000 + n++ * MINUTE;
      emulator.portal.contacts.create(
        {
          createdate: new Date(at).toISOString(),
          firstname: name,
          lastname: `@acme/sales-leadership #${n}`,
          hs_analytics_source: "OFFLINE",
          hs_analytics_source_data_1: HOSTILE_NAMES[HOSTILE_NAMES.length - 1 - group]!,
          hs_analytics_source_data_2: HOSTILE_NAMES[group * 2]!,
        },
        at,
        "api",
      );
    }
  }
}, 240_000);

afterAll(async () => {
  await emulator?.close();
});

describe("audit golden files: seeded portal, hostile names", () => {
  it("text", async () => {
    const text = await audit("text");
    await expect(text).toMatchFileSnapshot("../golden/audit/seeded-portal.txt");
    // No terminal escape or bidirectional override reaches the terminal.
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e]/);
  });

  it("Markdown", async () => {
    const markdown = await audit("markdown");
    await expect(markdown).toMatchFileSnapshot("../golden/audit/seeded-portal.md");
    expect(markdownLeaks(markdown, "<!-- routeops:audit portal=4242 -->")).toEqual([]);
  });

  it("JSON", async () => {
    await expect(await audit("json")).toMatchFileSnapshot("../golden/audit/seeded-portal.json");
  });
});
