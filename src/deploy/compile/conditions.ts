/**
 * Rule conditions as HubSpot filters. Derived facts (territory, segment, intent, event fields) are
 * read from the managed properties the flows set before the rules run; company facts are filters
 * on the primary company. What a context already knows (a fixed intent, "not a re-engagement")
 * folds to a constant.
 */
import type { Condition, Intent, RoutingConfig } from "../../config/types";
import { MANAGED_PROPERTIES as P } from "../managed-names";
import { OWNER_PROPERTY } from "./actions";
import { and, anyOf, company, FALSE, isTrue, known, noneOf, or, TRUE, unknown, type Cond } from "./filters";
import type { RepDirectory } from "./owners";
import { CONTACT_PRIMARY_COMPANY } from "./territory";

export interface ConditionContext {
  config: RoutingConfig;
  reps: RepDirectory;
  /** `undefined`: read the intent property; an intent: it is known; `null`: there is none (outbound). */
  intent: Intent | null | undefined;
  /** Inside the re-engagement system, where the original rep is known. */
  reengagement: boolean;
}

function coversTerritory(context: ConditionContext, wanted: boolean): Cond {
  // Without an original rep (not a re-engagement) the engine holds neither value.
  if (!context.reengagement) return FALSE;
  const byTerritory = context.config.territories.map((territory) => ({
    territory: territory.id,
    owners: context.reps.coverage(territory.id),
  }));
  if (wanted) {
    return or(
      ...byTerritory.map(({ territory, owners }) =>
        and(anyOf(P.territory, [territory]), anyOf(P.originalOwner, owners)),
      ),
    );
  }
  return or(
    unknown(P.territory),
    ...byTerritory.map(({ territory, owners }) =>
      and(anyOf(P.territory, [territory]), noneOf(P.originalOwner, owners)),
    ),
  );
}

export function conditionFilter(when: Condition, context: ConditionContext): Cond {
  const parts: Cond[] = [];
  if (when.sourceType) parts.push(anyOf(P.sourceType, when.sourceType));
  if (when.intent) {
    const wanted = when.intent;
    parts.push(
      context.intent === undefined
        ? anyOf(P.intent, wanted)
        : context.intent !== null && wanted.includes(context.intent)
          ? TRUE
          : FALSE,
    );
  }
  if (when.territory) parts.push(anyOf(P.territory, when.territory));
  if (when.hasTerritory !== undefined) parts.push(when.hasTerritory ? known(P.territory) : unknown(P.territory));
  if (when.segment) parts.push(anyOf(P.segment, when.segment));
  if (when.companyHasOwner !== undefined) {
    parts.push(
      when.companyHasOwner
        ? company(ownerFilter("IS_KNOWN"))
        : or(unknown(CONTACT_PRIMARY_COMPANY), company(ownerFilter("IS_UNKNOWN"))),
    );
  }
  if (when.eventHasOwner !== undefined) parts.push(when.eventHasOwner ? known(P.eventOwner) : unknown(P.eventOwner));
  // Chat events only: the property is empty for every other event, so neither value matches there.
  if (when.chatQualified !== undefined) parts.push(isTrue(P.eventChatQualified, when.chatQualified));
  if (when.originalRepCoversTerritory !== undefined)
    parts.push(coversTerritory(context, when.originalRepCoversTerritory));
  return and(...parts);
}

function ownerFilter(operator: "IS_KNOWN" | "IS_UNKNOWN") {
  return {
    filterType: "PROPERTY" as const,
    property: OWNER_PROPERTY,
    operation: { operationType: "ALL_PROPERTY" as const, operator, includeObjectsWithNoValueSet: false },
  };
}
