import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HubSpotError } from "../../src/hubspot/errors";
import type { HubSpotRecord, SearchFilter } from "../../src/hubspot/model";
import { searchInWindows, type SearchPage, type SearchPageRequest } from "../../src/hubspot/search-windows";

interface FakeContact {
  id: number;
  createdate: number;
  country: string;
}

/**
 * An in-memory search with HubSpot's rules at a small cap: filters ANDed in a group, groups
 * ORed, one ascending sort, results past `cap` refused. Ties come in an order that is stable
 * while paging one query but changes from one query to the next, so the windowing cannot rely on
 * it.
 */
function fakeSearch(contacts: FakeContact[], cap: number) {
  const requests: SearchPageRequest[] = [];
  const fetchPage = async (request: SearchPageRequest): Promise<SearchPage> => {
    requests.push(request);
    const offset = Number(request.after ?? "0");
    if (offset + request.limit > cap) throw new Error(`paging past ${cap} (offset ${offset}, limit ${request.limit})`);
    const matches = contacts.filter(
      (contact) =>
        request.filterGroups.length === 0 ||
        request.filterGroups.some((group) => group.filters.every((filter) => passes(contact, filter))),
    );
    const sortBy = request.sorts[0]?.propertyName;
    const salt = [...JSON.stringify([request.filterGroups, request.sorts])].reduce(
      (sum, c) => (sum * 31 + c.charCodeAt(0)) % 65_521,
      7,
    );
    const tieOrder = (contact: FakeContact) => (contact.id * 2_654_435_761 + salt * 40_503) % 1_000_003;
    matches.sort((a, b) =>
      sortBy === "hs_object_id" ? a.id - b.id : a.createdate - b.createdate || tieOrder(a) - tieOrder(b),
    );
    const end = Math.min(offset + request.limit, matches.length);
    return {
      total: matches.length,
      results: matches.slice(offset, end).map(toRecord),
      ...(end < matches.length ? { after: String(end) } : {}),
    };
  };
  return { fetchPage, requests };
}

function passes(contact: FakeContact, filter: SearchFilter): boolean {
  const actual =
    filter.propertyName === "createdate"
      ? contact.createdate
      : filter.propertyName === "hs_object_id"
        ? contact.id
        : contact.country;
  const wanted = typeof actual === "number" ? Number(filter.value) : filter.value;
  switch (filter.operator) {
    case "EQ":
      return actual === wanted;
    case "GT":
      return (actual as number) > (wanted as number);
    case "GTE":
      return (actual as number) >= (wanted as number);
    case "LT":
      return (actual as number) < (wanted as number);
    default:
      throw new Error(`fake search: operator ${filter.operator} not supported`);
  }
}

function toRecord(contact: FakeContact): HubSpotRecord {
  const created = new Date(contact.createdate).toISOString();
  return {
    id: String(contact.id),
    properties: { createdate: created, country: contact.country },
    createdAt: created,
    updatedAt: created,
    archived: false,
  };
}

async function collect(records: AsyncIterable<HubSpotRecord>): Promise<HubSpotRecord[]> {
  const all: HubSpotRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}

const BASE = Date.UTC(2026, 0, 1);

describe("windowed contact search", () => {
  it("returns every matching contact exactly once, past the cap, whatever the ties (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ step: fc.nat({ max: 3 }), country: fc.constantFrom("US", "DE") }), {
          minLength: 0,
          maxLength: 300,
          size: "max",
        }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 10, max: 40 }),
        fc.boolean(),
        async (steps, pageSize, cap, filtered) => {
          let at = BASE;
          const contacts = steps.map(({ step, country }, index) => {
            at += step;
            return { id: index + 1, createdate: at, country };
          });
          const search = fakeSearch(contacts, cap);
          const filterGroups = filtered
            ? [{ filters: [{ propertyName: "country", operator: "EQ" as const, value: "US" }] }]
            : [];
          const read = await collect(searchInWindows(search.fetchPage, { filterGroups, pageSize }, cap));
          const expected = contacts.filter((contact) => !filtered || contact.country === "US").map((c) => String(c.id));
          expect(read.map((record) => record.id).sort()).toEqual([...expected].sort());
          const times = read.map((record) => Date.parse(record.properties["createdate"] as string));
          expect(times).toEqual([...times].sort((a, b) => a - b));
        },
      ),
      { numRuns: 150, seed: 20261127 },
    );
  });

  it("reads an instant shared by more contacts than one query can return, by object id", async () => {
    const contacts = Array.from({ length: 130 }, (_, index) => ({
      id: index + 1,
      createdate: index < 5 ? BASE + index : index < 120 ? BASE + 10 : BASE + 20 + index,
      country: "US",
    }));
    const search = fakeSearch(contacts, 30);
    const read = await collect(searchInWindows(search.fetchPage, { pageSize: 10 }, 30));
    expect(read.map((record) => Number(record.id)).sort((a, b) => a - b)).toEqual(contacts.map((c) => c.id));
    expect(search.requests.some((request) => request.sorts[0]?.propertyName === "hs_object_id")).toBe(true);
  });

  it("costs few requests beyond one per page: windows restart where the last one ended", async () => {
    const contacts = Array.from({ length: 1_000 }, (_, index) => ({
      id: index + 1,
      createdate: BASE + index,
      country: "US",
    }));
    const search = fakeSearch(contacts, 100);
    const read = await collect(searchInWindows(search.fetchPage, { pageSize: 20 }, 100));
    expect(read).toHaveLength(1_000);
    // 50 pages of 20, plus one re-read contact at each of the 10 window edges (one page more at most).
    expect(search.requests.length).toBeLessThanOrEqual(51);
  });

  it("always asks for createdate and sorts by it ascending", async () => {
    const search = fakeSearch([{ id: 1, createdate: BASE, country: "US" }], 100);
    await collect(searchInWindows(search.fetchPage, { properties: ["email"] }, 100));
    expect(search.requests[0]).toMatchObject({
      properties: ["email", "createdate"],
      sorts: [{ propertyName: "createdate", direction: "ASCENDING" }],
      limit: 100,
    });
  });

  it("refuses a search whose filter groups leave no room for the windowing filters", async () => {
    const filters = Array.from({ length: 5 }, () => ({
      propertyName: "country",
      operator: "EQ" as const,
      value: "US",
    }));
    const search = fakeSearch([], 100);
    const read = collect(searchInWindows(search.fetchPage, { filterGroups: [{ filters }] }, 100));
    await expect(read).rejects.toThrow(HubSpotError);
    await expect(read).rejects.toThrow(
      "HubSpot POST /crm/v3/objects/contacts/search failed (not sent): the contact search has " +
        "a group with 5 filters (at most 4 leave room for paging)",
    );
    expect(search.requests).toHaveLength(0);
  });
});
