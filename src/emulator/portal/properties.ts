import type { PropertyDefinition, PropertyGroupDefinition } from "./property-definition";

/** How long an archived property's name stays taken (HubSpot's recycle bin keeps it for 90 days). */
export const RECYCLE_BIN_MS = 90 * 24 * 3600 * 1000;

/** Property definitions of one object type, live and archived. */
export class PropertyStore {
  private readonly live = new Map<string, PropertyDefinition>();
  private readonly recycled = new Map<string, PropertyDefinition>();

  constructor(private readonly touch: () => void) {}

  /** A live property, or undefined. */
  get(name: string): PropertyDefinition | undefined {
    return this.live.get(name);
  }

  /** An archived property, or undefined. */
  getArchived(name: string): PropertyDefinition | undefined {
    return this.recycled.get(name);
  }

  /** Live properties, or only archived ones. */
  list(archived = false): PropertyDefinition[] {
    return [...(archived ? this.recycled : this.live).values()];
  }

  /** Whether `name` is still in the recycle bin at `now`. */
  inRecycleBin(name: string, now: number): boolean {
    const archived = this.recycled.get(name);
    return archived !== undefined && (archived.archivedAt ?? 0) + RECYCLE_BIN_MS > now;
  }

  /** Adds a property (live or archived, as its `archived` flag says). */
  put(definition: PropertyDefinition): void {
    if (definition.archived) {
      this.recycled.set(definition.name, definition);
    } else {
      this.recycled.delete(definition.name);
      this.live.set(definition.name, definition);
    }
    this.touch();
  }

  /** Moves a live property to the recycle bin. */
  archive(name: string, at: number): void {
    const definition = this.live.get(name);
    if (!definition) return;
    this.live.delete(name);
    this.recycled.set(name, { ...definition, archived: true, archivedAt: at, updatedAt: at });
    this.touch();
  }

  /** Everything, for the state file. */
  dump(): PropertyDefinition[] {
    return [...this.live.values(), ...this.recycled.values()];
  }

  clear(): void {
    this.live.clear();
    this.recycled.clear();
  }
}

/** Property groups of one object type. */
export class GroupStore {
  private readonly groups = new Map<string, PropertyGroupDefinition>();

  constructor(private readonly touch: () => void) {}

  get(name: string): PropertyGroupDefinition | undefined {
    const group = this.groups.get(name);
    return group && !group.archived ? group : undefined;
  }

  /** Any group with that name, archived or not. */
  getAny(name: string): PropertyGroupDefinition | undefined {
    return this.groups.get(name);
  }

  list(archived = false): PropertyGroupDefinition[] {
    return [...this.groups.values()].filter((g) => g.archived === archived);
  }

  put(group: PropertyGroupDefinition): void {
    this.groups.set(group.name, group);
    this.touch();
  }

  dump(): PropertyGroupDefinition[] {
    return [...this.groups.values()];
  }

  clear(): void {
    this.groups.clear();
  }
}
