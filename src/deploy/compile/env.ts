/** What the flow builders share while compiling one flow. */
import type { CalendarConfig, RoutingConfig } from "../../config/types";
import type { RoutingSystemId } from "../../engine/types";
import type { FlowDataSource } from "../model/flow";
import type { PoolRotation } from "../model/state";
import type { ConditionContext } from "./conditions";
import type { RepDirectory } from "./owners";
import type { StepScope } from "./steps";

/** The contact's primary company, fetched for the account-owner copy. */
export const PRIMARY_COMPANY_SOURCE: FlowDataSource = {
  name: "primary_company",
  type: "ASSOCIATION",
  objectTypeId: "0-2",
  associationCategory: "HUBSPOT_DEFINED",
  associationTypeId: 1,
};

export const COMPANY_OWNER_TOKEN = `{{ fetched_objects.${PRIMARY_COMPANY_SOURCE.name}.hubspot_owner_id }}`;

/** Compile-wide facts, the same for every flow. */
export interface CompileFacts {
  config: RoutingConfig;
  reps: RepDirectory;
  pools: ReadonlyMap<string, PoolRotation>;
  calendar(id: string): CalendarConfig;
  /** The HubSpot sequence id for a config nurture sequence. */
  sequenceId(configId: string): string;
}

export interface FlowEnv extends CompileFacts {
  scope: StepScope;
  system: RoutingSystemId;
  condition: ConditionContext;
  /** Prefix of shared-step keys, so that an inlined copy of a rule chain has its own fallback. */
  keyPrefix: string;
  /** Set when a step reads the primary company (the flow then declares the data source). */
  usesCompany: { value: boolean };
}
