/**
 * Regenerates src/fixtures/fixture.generated.ts from src/fixtures/fixture.schema.json.
 * Run after any change to the schema: `npm run gen:fixture-types`.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { renderFixtureTypes } from "../src/fixtures/type-generation";

const target = path.join(__dirname, "..", "src", "fixtures", "fixture.generated.ts");

renderFixtureTypes().then(
  (source) => {
    writeFileSync(target, source);
    process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`gen-fixture-types: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
