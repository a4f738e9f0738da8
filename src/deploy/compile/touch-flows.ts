/**
 * Outbound touches for re-engagement. HubSpot cannot look back through a contact's history for
 * "the latest outbound touch by a rep", so these flows keep it on the contact as it happens:
 * owner, time and kind of the latest touch of the kinds the config counts, by a rep it names.
 */
import type { TouchKind } from "../../config/types";
import { enrollmentEventToken, type DeployableEventType } from "../event-types";
import { MANAGED_FLOWS, MANAGED_PROPERTIES as P } from "../managed-names";
import type { DesiredFlow } from "../model/state";
import { setFromToken, setValue } from "./actions";
import type { CompileFacts } from "./env";
import { flowBody } from "./flow-envelope";

export function touchFlow(kind: TouchKind, entry: DeployableEventType, facts: CompileFacts): DesiredFlow {
  const ownerProperty = entry.properties.owner ?? "hubspot_owner_id";
  return flowBody({
    key: `touch/${kind}`,
    name: MANAGED_FLOWS.touch[kind],
    purpose: `Keeps the latest outbound touch by a rep (${kind.replace("_", " ")}, HubSpot event ${entry.eventTypeId}) for the re-engagement check.`,
    version: facts.config.version,
    steps: [
      setFromToken(P.lastOutboundOwner, enrollmentEventToken(entry, ownerProperty)),
      setFromToken(P.lastOutboundAt, enrollmentEventToken(entry, entry.properties.occurredAt)),
      setValue(P.lastOutboundKind, kind),
    ],
    enrollment: {
      type: "EVENT_BASED",
      shouldReEnroll: true,
      eventFilterBranches: [
        {
          filterBranchType: "UNIFIED_EVENTS",
          filterBranchOperator: "AND",
          eventTypeId: entry.eventTypeId,
          operator: "HAS_COMPLETED",
          // "By a rep": the touch's owner is one of the config's reps (inactive ones included: they are replaced later).
          filters: [
            {
              filterType: "PROPERTY",
              property: ownerProperty,
              operation: {
                operationType: "ENUMERATION",
                operator: "IS_ANY_OF",
                values: [...facts.reps.repOwnerIds],
                includeObjectsWithNoValueSet: false,
              },
            },
          ],
          filterBranches: [],
        },
      ],
      listMembershipFilterBranches: [],
    },
    dataSources: [],
  });
}
