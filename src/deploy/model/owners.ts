/** A HubSpot owner (`GET /crm/v3/owners`, archived ones included). */
export interface PortalOwner {
  /** Owner id: the value of `hubspot_owner_id` and of owner-referenced properties. */
  id: string;
  email: string;
  /** A deactivated user's owner is archived; it keeps its id. */
  archived: boolean;
  /**
   * The HubSpot user behind the owner (none once the user is deactivated). Workflow actions that
   * name people, like rotate record to owner, take user ids, not owner ids.
   */
  userId?: number;
  firstName?: string;
  lastName?: string;
}

/** Every owner of the portal, active and archived. */
export type OwnerDirectory = PortalOwner[];

/** A HubSpot sequence, when the adapter can list them (to resolve nurture sequences by name). */
export interface PortalSequence {
  id: string;
  name: string;
}
