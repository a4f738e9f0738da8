import { LAST_MODIFIED, type ObjectType } from "./object-types";

/** A contact or company as the portal stores it. Property values are strings; absent = no value. */
export interface CrmRecord {
  id: string;
  properties: Record<string, string>;
  /** Epoch ms, mirrors the `createdate` property. */
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
}

/** Who changed a property: the HTTP API, an injected event, the seed, or the emulator itself. */
export type ChangeSource = "api" | "event" | "seed" | "emulator";

/** One property of one record changed. */
export interface PropertyChange {
  objectType: ObjectType;
  objectId: string;
  property: string;
  previous: string | null;
  value: string | null;
  at: number;
  source: ChangeSource;
}

interface RecordHooks {
  touch(): void;
  emit(change: PropertyChange): void;
  searchLagMs: number;
}

/** What search sees of a record while it waits for the index. */
interface PendingIndex {
  visibleAt: number;
  /** Properties as last indexed, for an update; undefined for a new record. */
  previous?: Record<string, string>;
}

const byCreated = (a: CrmRecord, b: CrmRecord) => a.createdAt - b.createdAt || Number(a.id) - Number(b.id);

/** Parses a datetime value given as ISO text or epoch ms text. NaN when it is neither. */
export function parseInstant(value: string): number {
  if (/^-?\d+$/.test(value.trim())) return Number(value);
  return Date.parse(value);
}

/**
 * Records of one object type, in id order, with an index over `createdate` so that search of a
 * large portal narrows a createdate window by binary search instead of scanning everything.
 */
export class RecordStore {
  private readonly records = new Map<string, CrmRecord>();
  private sorted: CrmRecord[] | null = [];
  private readonly pending = new Map<string, PendingIndex>();
  private nextId: number;

  constructor(
    readonly objectType: ObjectType,
    private readonly firstId: number,
    private readonly hooks: RecordHooks,
  ) {
    this.nextId = firstId;
  }

  get size(): number {
    return this.records.size;
  }

  /** A record by id (archived ones only when asked). */
  get(id: string, archived = false): CrmRecord | undefined {
    const record = this.records.get(id);
    return record && record.archived === archived ? record : undefined;
  }

  /** Live (or archived) records in id order. */
  *all(archived = false): IterableIterator<CrmRecord> {
    for (const record of this.records.values()) if (record.archived === archived) yield record;
  }

  /** The id the next created record gets. */
  peekNextId(): string {
    return String(this.nextId);
  }

  /** Creates a record; `properties` are stored as given (validation is the caller's job). */
  create(properties: Record<string, string>, at: number, source: ChangeSource): CrmRecord {
    const id = String(this.nextId++);
    const created = properties.createdate ? parseInstant(properties.createdate) : NaN;
    const createdAt = Number.isFinite(created) ? created : at;
    const record: CrmRecord = {
      id,
      properties: {
        ...properties,
        hs_object_id: id,
        createdate: new Date(createdAt).toISOString(),
        [LAST_MODIFIED[this.objectType]]: new Date(at).toISOString(),
      },
      createdAt,
      updatedAt: at,
      archived: false,
    };
    if (this.objectType === "contacts" && properties.hubspot_owner_id && !properties.hubspot_owner_assigneddate) {
      record.properties.hubspot_owner_assigneddate = new Date(at).toISOString();
    }
    this.insert(record);
    if (this.hooks.searchLagMs > 0) this.pending.set(id, { visibleAt: at + this.hooks.searchLagMs });
    for (const [property, value] of Object.entries(record.properties)) {
      this.hooks.emit({ objectType: this.objectType, objectId: id, property, previous: null, value, at, source });
    }
    return record;
  }

  /** Sets properties (`""` clears one). Returns the names that changed. */
  update(record: CrmRecord, properties: Record<string, string>, at: number, source: ChangeSource): string[] {
    const before = { ...record.properties };
    const changed: string[] = [];
    for (const [name, value] of Object.entries(properties)) {
      const previous = record.properties[name];
      if ((previous ?? "") === value) continue;
      if (value === "") delete record.properties[name];
      else record.properties[name] = value;
      changed.push(name);
    }
    if (changed.length === 0) return changed;
    if (
      this.objectType === "contacts" &&
      changed.includes("hubspot_owner_id") &&
      !("hubspot_owner_assigneddate" in properties)
    ) {
      const owner = record.properties.hubspot_owner_id;
      if (owner) record.properties.hubspot_owner_assigneddate = new Date(at).toISOString();
      else delete record.properties.hubspot_owner_assigneddate;
      changed.push("hubspot_owner_assigneddate");
    }
    record.updatedAt = at;
    record.properties[LAST_MODIFIED[this.objectType]] = new Date(at).toISOString();
    if (changed.includes("createdate")) {
      const created = parseInstant(record.properties.createdate ?? "");
      if (Number.isFinite(created)) record.createdAt = created;
      this.sorted = null;
    }
    if (this.hooks.searchLagMs > 0) {
      const waiting = this.pending.get(record.id);
      const previous = waiting ? waiting.previous : before;
      this.pending.set(record.id, {
        visibleAt: at + this.hooks.searchLagMs,
        ...(waiting && !waiting.previous ? {} : { previous }),
      });
    }
    this.hooks.touch();
    for (const name of changed) {
      this.hooks.emit({
        objectType: this.objectType,
        objectId: record.id,
        property: name,
        previous: before[name] ?? null,
        value: record.properties[name] ?? null,
        at,
        source,
      });
    }
    return changed;
  }

  /** Archives a record (HubSpot's DELETE). */
  archive(record: CrmRecord, at: number): void {
    record.archived = true;
    record.archivedAt = at;
    this.sorted = null;
    this.hooks.touch();
  }

  /** Adds a record exactly as given (seed, state file). */
  insert(record: CrmRecord): void {
    this.records.set(record.id, record);
    this.nextId = Math.max(this.nextId, Number(record.id) + 1);
    if (this.sorted) {
      const last = this.sorted[this.sorted.length - 1];
      if (!record.archived && (!last || byCreated(last, record) <= 0)) this.sorted.push(record);
      else this.sorted = null;
    }
    this.hooks.touch();
  }

  /** Live records whose createdAt lies in [from, to], in createdate order. */
  createdBetween(from: number, to: number): CrmRecord[] {
    const sorted = this.index();
    const start = lowerBound(sorted, from);
    const end = lowerBound(sorted, to + 1);
    return sorted.slice(start, end);
  }

  /** Live records in createdate order. */
  inCreatedOrder(): CrmRecord[] {
    return this.index();
  }

  /**
   * The properties search sees at `now`: none for a record not indexed yet, the previously
   * indexed ones for a record updated within the lag, else the current ones.
   */
  searchView(record: CrmRecord, now: number): Record<string, string> | null {
    if (this.pending.size === 0) return record.properties;
    const waiting = this.pending.get(record.id);
    if (!waiting) return record.properties;
    if (waiting.visibleAt <= now) {
      this.pending.delete(record.id);
      return record.properties;
    }
    return waiting.previous ?? null;
  }

  dump(): CrmRecord[] {
    return [...this.records.values()];
  }

  clear(): void {
    this.records.clear();
    this.pending.clear();
    this.sorted = [];
    this.nextId = this.firstId;
  }

  private index(): CrmRecord[] {
    if (!this.sorted) {
      this.sorted = [...this.all()].sort(byCreated);
    }
    return this.sorted;
  }
}

function lowerBound(sorted: CrmRecord[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.createdAt < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
