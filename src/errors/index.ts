/** The shared error base (see routeops-error.ts). */
export { errorMessage, isRouteOpsError, RouteOpsError, UsageError, type RouteOpsErrorOptions } from "./routeops-error";
