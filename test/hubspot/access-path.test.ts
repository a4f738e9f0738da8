import { describe, expect, it } from "vitest";
import {
  chooseAccessPath,
  listCalls,
  pathMs,
  searchCalls,
  searchWinsRegardlessOfPortal,
} from "../../src/hubspot/access-path";

const limits = { windowMax: 190, windowMs: 10_000, searchPerSecond: 5 };
const latency = 20;

describe("access path costs", () => {
  it("counts 200 contacts per search page, plus a restart at each 10,000, and 100 per list page", () => {
    expect(searchCalls(0)).toBe(1);
    expect(searchCalls(10_000)).toBe(51);
    expect(searchCalls(25_000)).toBe(127);
    expect(listCalls(0)).toBe(1);
    expect(listCalls(100_000)).toBe(1_000);
  });

  it("takes the limit's time for a long read and the latency's for a short one", () => {
    // 1,000 list pages at 190 per 10 s: the last one goes out after 5 full windows.
    expect(pathMs(1_000, 190, 10_000, latency)).toBe(50_020);
    // 5 search pages fit in one second's allowance: only latency counts.
    expect(pathMs(5, 5, 1_000, latency)).toBe(100);
  });
});

describe("choosing the access path", () => {
  it("lists when the window is most of the portal (list reads ~1,900 contacts/s, search ~1,000/s)", () => {
    expect(chooseAccessPath(90_000, 100_000, limits, latency).path).toBe("list");
    expect(chooseAccessPath(9_000, 10_000, limits, latency).path).toBe("list");
  });

  it("searches when the window is a small share of the portal", () => {
    expect(chooseAccessPath(10_000, 100_000, limits, latency).path).toBe("search");
    expect(chooseAccessPath(1_000, 10_000, limits, latency).path).toBe("search");
  });

  it("reports both estimates so that the choice can be explained", () => {
    const estimate = chooseAccessPath(10_000, 100_000, limits, latency);
    expect(estimate.search.calls).toBe(51);
    expect(estimate.list?.calls).toBe(1_000);
    expect(estimate.search.ms).toBeLessThan(estimate.list?.ms ?? 0);
  });

  it("needs the portal's size only when search is slower than listing the window alone", () => {
    expect(searchWinsRegardlessOfPortal(1_000, limits, latency)).toBe(true);
    expect(searchWinsRegardlessOfPortal(30_000, limits, latency)).toBe(false);
  });
});
