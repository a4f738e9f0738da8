/** The shared error base (see routeops-error.ts). */
export { errorMessage, isRouteOpsError, RouteOpsError, type RouteOpsErrorOptions } from "./routeops-error";
