/**
 * The HubSpot contract in RouteOps' code: wire types and zod schemas for the bodies RouteOps sends
 * and reads (flows, properties, groups, batch reads and writes, search), the ids it uses (action
 * types, event types) with the evidence for each, and the names it manages. Pure data and checks:
 * no I/O, so the compiler, the adapter, the audit, the simulator and the emulator all share it.
 * docs/hubspot.md, "The contract module", lists what is verified by official material and what is
 * community-sourced.
 */
export * from "./flows";
export * from "./flow-schemas";
export * from "./validate";
export * from "./crm";
export * from "./action-types";
export * from "./event-types";
export * from "./managed-names";
export type { OwnerWire } from "./owners";
export type { Wire } from "./wire";
