/**
 * The managed marker in descriptions: who manages the object, which config version wrote it, and
 * a digest of what was written. A managed object whose content no longer matches its recorded
 * digest was changed outside RouteOps.
 */
import { MANAGED_MARKER } from "../managed-names";

export function managedDescription(text: string, version: string, digest: string): string {
  return `${text} ${MANAGED_MARKER} config ${version}, digest ${digest}.`;
}

const pattern = /\[managed by RouteOps\] config (\S+?), digest ([0-9a-f]{12})/;

/** The version and digest a managed description records, or null when it records none. */
export function parseMarker(description: string | undefined | null): { version: string; digest: string } | null {
  const match = typeof description === "string" ? pattern.exec(description) : null;
  return match ? { version: match[1] as string, digest: match[2] as string } : null;
}
