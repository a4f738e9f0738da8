/**
 * Automation v4 flows as stored: the JSON a client sent, with HubSpot's server-side defaults
 * filled in. Fields the emulator does not know are kept as they came, like HubSpot does.
 */

/** A connection to the next action. */
export interface FlowConnection {
  edgeType: string;
  nextActionId: string;
}

/** One action of a flow. */
export interface FlowAction {
  actionId: string;
  type: string;
  actionTypeId?: string;
  actionTypeVersion?: number;
  fields?: Record<string, unknown>;
  connection?: FlowConnection;
  [key: string]: unknown;
}

/** A flow as HubSpot answers it. Times are ISO strings, as on the wire. */
export interface Flow {
  id: string;
  revisionId: string;
  uuid: string;
  type: string;
  objectTypeId: string;
  flowType: string;
  name: string;
  description?: string;
  isEnabled: boolean;
  startActionId?: string;
  nextAvailableActionId: string;
  actions: FlowAction[];
  enrollmentCriteria?: Record<string, unknown>;
  timeWindows: unknown[];
  blockedDates: unknown[];
  customProperties: Record<string, unknown>;
  dataSources: unknown[];
  suppressionListIds: unknown[];
  canEnrollFromSalesforce: boolean;
  crmObjectCreationStatus: string;
  createdAt: string;
  updatedAt: string;
  [key: string]: unknown;
}

/** What `GET /automation/v4/flows` lists for each flow. */
export interface FlowSummary {
  id: string;
  name: string;
  isEnabled: boolean;
  flowType: string;
  objectTypeId: string;
  revisionId: string;
  createdAt: string;
  updatedAt: string;
}

export function flowSummary(flow: Flow): FlowSummary {
  const { id, name, isEnabled, flowType, objectTypeId, revisionId, createdAt, updatedAt } = flow;
  return { id, name, isEnabled, flowType, objectTypeId, revisionId, createdAt, updatedAt };
}

/** The portal's flows, in id order. */
export class FlowStore {
  private readonly flows = new Map<string, Flow>();
  private nextId = 1_500_000_001;

  constructor(private readonly touch: () => void) {}

  list(): Flow[] {
    return [...this.flows.values()];
  }

  get(id: string): Flow | undefined {
    return this.flows.get(id);
  }

  /** The id the next created flow gets. */
  takeId(): string {
    return String(this.nextId++);
  }

  put(flow: Flow): void {
    this.flows.set(flow.id, flow);
    this.nextId = Math.max(this.nextId, Number(flow.id) + 1);
    this.touch();
  }

  delete(id: string): boolean {
    const deleted = this.flows.delete(id);
    if (deleted) this.touch();
    return deleted;
  }

  dump(): Flow[] {
    return this.list();
  }

  clear(): void {
    this.flows.clear();
    this.nextId = 1_500_000_001;
  }
}
