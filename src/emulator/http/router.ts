import { objectTypeFromPath, type ObjectType } from "../portal/object-types";
import type { Portal } from "../portal/portal";

/** What the test-only routes may do to the running emulator beyond the portal. */
export interface EmulatorControl {
  /** Back to the starting portal (seeded, or empty), rate-limit windows cleared. */
  reset(): void;
}

/** A parsed request, as a route handler sees it. */
export interface RouteRequest {
  portal: Portal;
  params: Record<string, string>;
  /** The `:objectType` segment, normalised. */
  objectType: ObjectType;
  query: URLSearchParams;
  body: unknown;
  /** The emulator's clock at arrival, epoch ms. */
  now: number;
  control: EmulatorControl;
}

export interface RouteAnswer {
  status: number;
  body?: unknown;
}

export interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path with `:param` segments; `:objectType` accepts contacts/companies (or 0-1/0-2). */
  pattern: string;
  /** Counts against the search endpoints' per-second limit. */
  search?: boolean;
  /** Test-only (`/_emulator/`): no rate limit, no faults. */
  admin?: boolean;
  handle(request: RouteRequest): RouteAnswer | Promise<RouteAnswer>;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
  objectType: ObjectType;
  /** Stable key for the request log: the pattern with the object type filled in, other params as `{name}`. */
  endpoint: string;
}

/** Finds the route for a method and path: the first declared pattern that matches wins. */
export class Router {
  constructor(private readonly routes: readonly Route[]) {}

  match(method: string, path: string): RouteMatch | "method-not-allowed" | undefined {
    const segments = path.split("/").filter((s) => s.length > 0);
    let pathMatched = false;
    for (const route of this.routes) {
      const found = matchPattern(route.pattern, segments);
      if (!found) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      return { route, ...found, endpoint: `${route.method} ${found.key}` };
    }
    return pathMatched ? "method-not-allowed" : undefined;
  }
}

function matchPattern(
  pattern: string,
  segments: string[],
): { params: Record<string, string>; objectType: ObjectType; key: string } | undefined {
  const parts = pattern.split("/").filter((s) => s.length > 0);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  const key: string[] = [];
  let objectType: ObjectType = "contacts";
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const segment = decodeURIComponent(segments[i]!);
    if (part === ":objectType") {
      const type = objectTypeFromPath(segment);
      if (!type) return undefined;
      objectType = type;
      key.push(type);
    } else if (part.startsWith(":")) {
      params[part.slice(1)] = segment;
      key.push(`{${part.slice(1)}}`);
    } else if (part === segment) {
      key.push(part);
    } else {
      return undefined;
    }
  }
  return { params, objectType, key: "/" + key.join("/") };
}
