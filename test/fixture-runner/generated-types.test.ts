import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderFixtureTypes } from "../../src/fixtures/type-generation";

describe("generated fixture types", () => {
  it("match the schema: run `npm run gen:fixture-types` after changing fixture.schema.json", async () => {
    const committed = readFileSync(path.join(__dirname, "..", "..", "src", "fixtures", "fixture.generated.ts"), "utf8");
    expect(committed).toBe(await renderFixtureTypes());
  });
});
