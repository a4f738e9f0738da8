import type { Route } from "../http/router";
import { actionTypeRoutes } from "./action-types";
import { adminRoutes } from "./admin";
import { associationRoutes } from "./associations";
import { flowRoutes } from "./flows";
import { objectRoutes } from "./objects";
import { ownerRoutes } from "./owners";
import { propertyGroupRoutes } from "./property-groups";
import { propertyRoutes } from "./properties";
import { searchRoutes } from "./search";
import { sequenceRoutes } from "./sequences";
import { taskRoutes } from "./tasks";

/** Every endpoint, in match order: groups before `/{propertyName}`, search before `/{id}`. */
export const ALL_ROUTES: readonly Route[] = [
  ...adminRoutes,
  ...ownerRoutes,
  ...propertyGroupRoutes,
  ...propertyRoutes,
  ...searchRoutes,
  ...taskRoutes,
  ...objectRoutes,
  ...associationRoutes,
  ...sequenceRoutes,
  ...flowRoutes,
  ...actionTypeRoutes,
];
