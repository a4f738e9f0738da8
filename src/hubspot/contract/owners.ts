/**
 * Owners (`GET /crm/v3/owners`, `@hubspot/api-client` `crm/owners` `PublicOwner`): `id` is the
 * owner id that `hubspot_owner_id` holds; `userId` is the HubSpot user behind it. Workflow actions
 * that name people take user ids (HubSpot's v4 guide: the in-app notification `0-9` `user_ids`),
 * which is why rotation is compiled with the owners' `userId`s.
 */
import type { PublicOwner } from "@hubspot/api-client/lib/codegen/crm/owners";
import type { Wire } from "./wire";

/** An owner as HubSpot answers it. */
export type OwnerWire = Wire<PublicOwner>;
