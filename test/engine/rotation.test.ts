import { describe, expect, it } from "vitest";
import { createRotationState, pickNext, type RotationCandidate } from "../../src/engine";

const A = "a@acme.test";
const B = "b@acme.test";
const C = "c@acme.test";

function picks(candidates: RotationCandidate[], n: number, state = createRotationState()): string[] {
  return Array.from({ length: n }, () => pickNext(state, "pool", candidates)!);
}

describe("smooth weighted round robin", () => {
  it("weights 2:1 give A, B, A, A, B, A, ...", () => {
    expect(
      picks(
        [
          { rep: A, weight: 2 },
          { rep: B, weight: 1 },
        ],
        9,
      ),
    ).toEqual([A, B, A, A, B, A, A, B, A]);
  });

  it("equal weights alternate, ties going to the earlier member", () => {
    expect(
      picks(
        [
          { rep: A, weight: 1 },
          { rep: B, weight: 1 },
        ],
        4,
      ),
    ).toEqual([A, B, A, B]);
  });

  it("weights 5:1:1 spread the heavy member out (nginx's sequence)", () => {
    const sequence = picks(
      [
        { rep: A, weight: 5 },
        { rep: B, weight: 1 },
        { rep: C, weight: 1 },
      ],
      7,
    );
    expect(sequence).toEqual([A, A, B, A, C, A, A]);
  });

  it("hands out leads in proportion to weights over a full cycle", () => {
    const sequence = picks(
      [
        { rep: A, weight: 3 },
        { rep: B, weight: 2 },
      ],
      500,
    );
    expect(sequence.filter((r) => r === A)).toHaveLength(300);
  });

  it("with no candidate picks nobody and leaves the state alone", () => {
    const state = createRotationState();
    expect(pickNext(state, "pool", [])).toBeNull();
    expect(state).toEqual({ pools: {} });
  });

  it("a member who sits out keeps their counter for when they are back", () => {
    const state = createRotationState();
    const both = [
      { rep: A, weight: 1 },
      { rep: B, weight: 1 },
    ];
    expect(pickNext(state, "pool", both)).toBe(A);
    expect(pickNext(state, "pool", [{ rep: A, weight: 1 }])).toBe(A);
    expect(state.pools.pool![B]).toBe(1);
    expect(pickNext(state, "pool", both)).toBe(B);
  });

  it("keeps pools apart", () => {
    const state = createRotationState();
    const members = [
      { rep: A, weight: 1 },
      { rep: B, weight: 1 },
    ];
    expect(pickNext(state, "east", members)).toBe(A);
    expect(pickNext(state, "west", members)).toBe(A);
  });
});

describe("rotation state", () => {
  it("round-trips through JSON: a replay from a saved state continues identically", () => {
    const members = [
      { rep: A, weight: 2 },
      { rep: B, weight: 1 },
      { rep: C, weight: 3 },
    ];
    const state = createRotationState();
    picks(members, 4, state);
    const saved = JSON.parse(JSON.stringify(state));
    expect(picks(members, 12, saved)).toEqual(picks(members, 12, state));
  });

  it("is a plain object per pool per member", () => {
    const state = createRotationState();
    picks(
      [
        { rep: A, weight: 2 },
        { rep: B, weight: 1 },
      ],
      1,
      state,
    );
    expect(state).toEqual({ pools: { pool: { [A]: -1, [B]: 1 } } });
  });

  it("tolerates a damaged state (missing pools, non-numeric counters)", () => {
    const damaged = { pools: { pool: { [A]: "x" } } } as unknown as ReturnType<typeof createRotationState>;
    expect(
      pickNext(damaged, "pool", [
        { rep: A, weight: 1 },
        { rep: B, weight: 1 },
      ]),
    ).toBe(A);
    const empty = {} as ReturnType<typeof createRotationState>;
    expect(pickNext(empty, "pool", [{ rep: B, weight: 1 }])).toBe(B);
  });

  it("a pool or rep named __proto__ does not touch Object.prototype", () => {
    const state = createRotationState();
    pickNext(state, "__proto__", [{ rep: "__proto__", weight: 1 }]);
    expect(Object.keys(state.pools)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>)["__proto__"]).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(state)).pools).toHaveProperty("__proto__");
  });
});
