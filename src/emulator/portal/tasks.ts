/**
 * Tasks (CRM object `tasks`, 0-27) created through the API, each associated with contacts. The
 * router creates one SLA task per routed lead; workflow-created tasks stay in the run log.
 */
export interface TaskObject {
  id: string;
  properties: Record<string, string>;
  contactIds: string[];
  createdAt: number;
}

/** First task id, far from contact and company ids. */
export const FIRST_TASK_ID = 90_000_001;

export class TaskStore {
  private readonly byId = new Map<string, TaskObject>();
  private nextId = FIRST_TASK_ID;

  constructor(private readonly touch: () => void) {}

  create(properties: Record<string, string>, contactIds: string[], at: number): TaskObject {
    const id = String(this.nextId++);
    const task: TaskObject = {
      id,
      properties: { ...properties, hs_object_id: id, hs_createdate: new Date(at).toISOString() },
      contactIds: [...contactIds],
      createdAt: at,
    };
    this.byId.set(id, task);
    this.touch();
    return task;
  }

  get(id: string): TaskObject | undefined {
    return this.byId.get(id);
  }

  /** The tasks associated with a contact, oldest first. */
  forContact(contactId: string): TaskObject[] {
    return [...this.byId.values()].filter((task) => task.contactIds.includes(contactId));
  }

  list(): TaskObject[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }

  clear(): void {
    this.byId.clear();
    this.nextId = FIRST_TASK_ID;
  }
}
