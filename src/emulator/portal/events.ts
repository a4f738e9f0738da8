import type { RouteEvent } from "../../engine/types";

/** Something that happened to a contact, recorded through `POST /_emulator/events` or the portal. */
export interface ContactEvent {
  id: string;
  contactId: string;
  /** Epoch ms. */
  at: number;
  /** Kind and fields as in the RouteOps fixture format. */
  event: RouteEvent;
}

/** Recorded contact events, oldest first. */
export class EventStore {
  private readonly events: ContactEvent[] = [];
  private nextId = 1;

  constructor(private readonly touch: () => void) {}

  add(contactId: string, at: number, event: RouteEvent): ContactEvent {
    const recorded = { id: String(this.nextId++), contactId, at, event };
    this.events.push(recorded);
    this.touch();
    return recorded;
  }

  forContact(contactId: string): ContactEvent[] {
    return this.events.filter((e) => e.contactId === contactId);
  }

  list(): ContactEvent[] {
    return [...this.events];
  }

  load(events: ContactEvent[]): void {
    this.events.push(...events);
    for (const e of events) this.nextId = Math.max(this.nextId, Number(e.id) + 1);
  }

  dump(): ContactEvent[] {
    return this.list();
  }

  clear(): void {
    this.events.length = 0;
    this.nextId = 1;
  }
}
