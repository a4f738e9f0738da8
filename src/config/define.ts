import type { RoutingConfig } from "./types";

/**
 * Identity helper that gives a routing config its types (and editor help) without changing it.
 * Validation happens when RouteOps loads the config (`routeops validate`).
 */
export function defineRouting(config: RoutingConfig): RoutingConfig {
  return config;
}
