import type { RouteEvent } from "../../engine/types";
import { DEFAULT_ACTION_TYPES, type ActionTypeDefinition } from "../action-types";
import { AssociationStore } from "./associations";
import { defaultGroups, defaultProperties } from "./default-properties";
import { EnrollmentStore, type SequenceEnrollment } from "./enrollments";
import { EventStore, type ContactEvent } from "./events";
import { FlowStore } from "./flows";
import { OBJECT_TYPES, type ObjectType } from "./object-types";
import { OwnerStore } from "./owners";
import { GroupStore, PropertyStore } from "./properties";
import { RecordStore, type ChangeSource, type CrmRecord, type PropertyChange } from "./records";
import { TaskStore } from "./tasks";

export interface PortalOptions {
  clock: () => number;
  searchLagMs: number;
  actionTypes: readonly ActionTypeDefinition[];
}

/** First ids handed out, far apart so that a contact id is never mistaken for a company id. */
export const FIRST_CONTACT_ID = 1001;
export const FIRST_COMPANY_ID = 50_000_001;

type Listener<T> = (value: T) => void;

/**
 * The emulated HubSpot portal: every store, plus an event bus that the workflow executor (a later
 * part of the emulator) subscribes to. Routes validate requests; the portal applies them.
 */
export class Portal {
  readonly contacts: RecordStore;
  readonly companies: RecordStore;
  readonly owners: OwnerStore;
  readonly properties: Record<ObjectType, PropertyStore>;
  readonly groups: Record<ObjectType, GroupStore>;
  readonly flows: FlowStore;
  readonly associations: AssociationStore;
  readonly enrollments: EnrollmentStore;
  readonly events: EventStore;
  /** Tasks created through the API (the router's SLA tasks). */
  readonly tasks: TaskStore;
  readonly actionTypes: readonly ActionTypeDefinition[];
  /** Errors thrown by event listeners (a listener never breaks the request that fired it). */
  readonly listenerErrors: unknown[] = [];
  /** Bumped on every change; the server persists the state when it moved. */
  revision = 0;

  private readonly eventListeners = new Set<Listener<ContactEvent>>();
  private readonly changeListeners = new Set<Listener<PropertyChange>>();

  constructor(readonly options: PortalOptions) {
    const touch = () => {
      this.revision++;
    };
    const hooks = { touch, emit: (c: PropertyChange) => this.emitChange(c), searchLagMs: options.searchLagMs };
    this.contacts = new RecordStore("contacts", FIRST_CONTACT_ID, hooks);
    this.companies = new RecordStore("companies", FIRST_COMPANY_ID, hooks);
    this.owners = new OwnerStore(touch);
    this.properties = { contacts: new PropertyStore(touch), companies: new PropertyStore(touch) };
    this.groups = { contacts: new GroupStore(touch), companies: new GroupStore(touch) };
    this.flows = new FlowStore(touch);
    this.associations = new AssociationStore(touch);
    this.enrollments = new EnrollmentStore(touch);
    this.events = new EventStore(touch);
    this.tasks = new TaskStore(touch);
    this.actionTypes = options.actionTypes ?? DEFAULT_ACTION_TYPES;
    this.installDefaults();
  }

  /** The current time of the portal. */
  now(): number {
    return this.options.clock();
  }

  records(objectType: ObjectType): RecordStore {
    return objectType === "contacts" ? this.contacts : this.companies;
  }

  /** Subscribes to recorded contact events. Returns the unsubscribe function. */
  onEvent(listener: Listener<ContactEvent>): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Subscribes to property changes of contacts and companies. Returns the unsubscribe function. */
  onPropertyChange(listener: Listener<PropertyChange>): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /**
   * Records an event for a contact and applies what HubSpot itself would record: a booked meeting
   * sets `engagements_last_meeting_booked`; a booked meeting or a logged call by an owned
   * contact's rep sets the first-engagement date and time-to-first-engagement once.
   */
  recordEvent(contact: CrmRecord, event: RouteEvent, at: number): ContactEvent {
    const recorded = this.events.add(contact.id, at, event);
    const updates: Record<string, string> = {};
    if (event.kind === "meeting_booked") updates.engagements_last_meeting_booked = new Date(at).toISOString();
    const assigned = Date.parse(contact.properties.hubspot_owner_assigneddate ?? "");
    if (
      (event.kind === "meeting_booked" || event.kind === "call_logged") &&
      contact.properties.hubspot_owner_id &&
      !contact.properties.hs_sa_first_engagement_date
    ) {
      updates.hs_sa_first_engagement_date = new Date(at).toISOString();
      if (Number.isFinite(assigned)) updates.hs_time_to_first_engagement = String(Math.max(0, at - assigned));
    }
    if (Object.keys(updates).length > 0) this.contacts.update(contact, updates, at, "event");
    for (const listener of this.eventListeners) this.safely(() => listener(recorded));
    return recorded;
  }

  /** Enrolls a contact in a sequence and updates its sequence properties as HubSpot does. */
  enroll(contact: CrmRecord, enrollment: Omit<SequenceEnrollment, "id" | "contactId"> & { id?: string }) {
    const stored = this.enrollments.add({ ...enrollment, contactId: contact.id });
    const all = this.enrollments.forContact(contact.id);
    const latest = all[all.length - 1]!;
    this.contacts.update(
      contact,
      {
        hs_sequences_enrolled_count: String(all.length),
        hs_latest_sequence_enrolled: latest.sequenceId,
        hs_latest_sequence_enrolled_date: new Date(latest.enrolledAt).toISOString(),
      },
      stored.updatedAt,
      "event",
    );
    return stored;
  }

  /** Sets (or clears, with null) the contact's primary company, keeping `associatedcompanyid` in step. */
  setPrimaryCompany(contact: CrmRecord, companyId: string | null, at: number, source: ChangeSource): void {
    if (companyId === null) this.associations.clearPrimary(contact.id);
    else this.associations.associate(contact.id, companyId, true);
    this.contacts.update(contact, { associatedcompanyid: companyId ?? "" }, at, source);
  }

  /** Empties the portal back to a fresh, undeployed HubSpot account. */
  clear(): void {
    for (const type of OBJECT_TYPES) {
      this.records(type).clear();
      this.properties[type].clear();
      this.groups[type].clear();
    }
    this.owners.clear();
    this.flows.clear();
    this.associations.clear();
    this.enrollments.clear();
    this.events.clear();
    this.tasks.clear();
    this.installDefaults();
  }

  private installDefaults(): void {
    for (const type of OBJECT_TYPES) {
      for (const group of defaultGroups(type)) this.groups[type].put(group);
      for (const property of defaultProperties(type)) this.properties[type].put(property);
    }
  }

  private emitChange(change: PropertyChange): void {
    for (const listener of this.changeListeners) this.safely(() => listener(change));
  }

  private safely(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.listenerErrors.push(error);
    }
  }
}
