import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020";
import { fixtureSchema } from "../../src/fixtures";
import { renderFixtureTypes } from "../../src/fixtures/type-generation";

describe("generated fixture types", () => {
  it("match the schema: run `npm run gen:fixture-types` after changing fixture.schema.json", async () => {
    const committed = readFileSync(path.join(__dirname, "..", "..", "src", "fixtures", "fixture.generated.ts"), "utf8");
    expect(committed).toBe(await renderFixtureTypes());
  });
});

describe("the fixture schema", () => {
  it("is a valid JSON Schema draft 2020-12 (the runner compiles it without checking)", () => {
    const ajv = new Ajv2020({ discriminator: true, allowUnionTypes: true });
    expect(ajv.validateSchema(fixtureSchema), JSON.stringify(ajv.errors)).toBe(true);
  });
});
