import { describe, expect, it } from "vitest";
import { call, client, emulator, failure, UUID } from "./harness";

describe("emulator authentication", () => {
  it("answers 401 with HubSpot's body when the Bearer token is missing", async () => {
    const emu = await emulator();
    const answer = await call(emu, "GET", "/crm/v3/owners", undefined, null);
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ status: "error", category: "INVALID_AUTHENTICATION" });
    expect(answer.body.message).toContain("Authentication credentials not found");
    expect(answer.body.correlationId).toMatch(UUID);
  });

  it("answers 401 to the official client with a wrong token, without echoing the token", async () => {
    const emu = await emulator();
    const wrong = "pat-wrong-token-123456";
    const error = await failure(client(emu, wrong).crm.owners.ownersApi.getPage());
    expect(error.code).toBe(401);
    expect(error.body.category).toBe("INVALID_AUTHENTICATION");
    expect(JSON.stringify(error.body)).not.toContain(wrong);
    expect(JSON.stringify(error.body)).not.toContain(emu.token);
  });

  it("checks the token on test-only endpoints too", async () => {
    const emu = await emulator();
    expect((await call(emu, "GET", "/_emulator/state", undefined, "nope-nope-nope")).status).toBe(401);
  });

  it("generates a different token for each emulator unless one is given", async () => {
    const a = await emulator();
    const b = await emulator();
    const c = await emulator({ token: "given-token-42" });
    expect(a.token).not.toBe(b.token);
    expect(c.token).toBe("given-token-42");
    expect((await call(c, "GET", "/crm/v3/owners")).status).toBe(200);
  });

  it("answers 404 with an error body for an unknown path", async () => {
    const emu = await emulator();
    const answer = await call(emu, "GET", "/crm/v3/nothing-here");
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ status: "error", category: "OBJECT_NOT_FOUND" });
  });
});
