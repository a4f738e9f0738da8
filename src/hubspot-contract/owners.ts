/**
 * Owners as `GET /crm/v3/owners` answers them (`@hubspot/api-client` `crm/owners` `PublicOwner`):
 * `id` is the owner id that `hubspot_owner_id` holds; `userId` is the HubSpot user behind it.
 * Workflow actions that name people take user ids (HubSpot's v4 guide: the in-app notification
 * `0-9` `user_ids`), which is why rotation is compiled with the owners' `userId`s.
 */
export interface OwnerWire {
  id: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  userId?: number;
  userIdIncludingInactive?: number;
  type: "PERSON" | "QUEUE";
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  teams?: { id: string; name: string; primary: boolean }[];
}
