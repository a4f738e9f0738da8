/** The managed names live in the HubSpot contract module; this path is kept for existing imports. */
export * from "../hubspot-contract/managed-names";
