/**
 * The hidden marker that identifies a portal's audit issue, so that each run updates the same
 * issue instead of opening another.
 */

/** `<!-- routeops:audit portal=<id> -->`; the id is reduced to safe characters. */
export function auditMarker(portalId: string | null): string {
  const id = (portalId ?? "unknown").replace(/[^A-Za-z0-9_-]/g, "");
  return `<!-- routeops:audit portal=${id || "unknown"} -->`;
}
