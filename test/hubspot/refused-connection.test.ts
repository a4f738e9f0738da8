import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { createHubSpotAdapter, HubSpotError } from "../../src/hubspot";

/** A loopback port with nothing listening: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("a refused connection", () => {
  it("is not retried: one attempt, no wait, and a message that says where to look", async () => {
    const port = await closedPort();
    const waits: number[] = [];
    const hubspot = createHubSpotAdapter({
      accessToken: "pat-na1-00000000-0000-4000-8000-000000000000",
      baseUrl: `http://127.0.0.1:${port}`,
      onWait: (wait) => waits.push(wait.waitMs),
    });
    const error = await hubspot.listOwners().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotError);
    expect(error).toMatchObject({ code: "network_error", attempts: 1, status: null });
    expect(waits).toEqual([]);
    expect((error as Error).message).toContain("ECONNREFUSED");
    expect((error as Error).message).toContain("check HUBSPOT_BASE_URL or --hubspot-base-url");
  });
});
