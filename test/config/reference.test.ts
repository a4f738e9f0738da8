import { describe, expect, it } from "vitest";
import reference from "../reference/routing";
import { validateRouting } from "../../src/config/validate";

describe("the reference organisation (routing/)", () => {
  it("validates with no error and no warning", () => {
    const result = validateRouting(structuredClone(reference));
    expect(result.diagnostics).toEqual([]);
    expect(result.config?.version).toBe("2026.11.1");
  });

  it("still validates when only absences from 2026-08-01 on count", () => {
    expect(validateRouting(structuredClone(reference), { today: "2026-08-01" }).diagnostics).toEqual([]);
  });
});
