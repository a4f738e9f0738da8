/** The wire helper lives in the HubSpot contract module; this path is kept for existing imports. */
export type { Wire } from "../hubspot-contract/wire";
