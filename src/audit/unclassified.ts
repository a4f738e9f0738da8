/**
 * Unclassified contacts: created in the window without a Routing Source Type, grouped by what
 * HubSpot knows of where they came from (original source and its two drill-downs: the form, the
 * import, the integration), with examples and the trend against the previous window. This is the
 * weekly monitoring view of the architecture's primary failure mode.
 */
import { HUBSPOT_PROPERTIES, text, type AuditContact } from "./contact";
import { contactExample, EXAMPLES_PER_GROUP } from "./examples";
import type { RoutedLead } from "./lead";
import type { ContactExample, UnclassifiedGroup, UnclassifiedSection } from "./model";
import { trend } from "./statistics";

/** Groups listed in the report; the rest are folded into one line. */
export const UNCLASSIFIED_GROUP_LIMIT = 10;
/**
 * Distinct groups tracked. A drill-down value can be nearly unique per contact (a page URL);
 * past this many groups, new ones are counted together so that memory stays flat.
 */
const TRACKED_GROUP_LIMIT = 2_000;
const OVERFLOW = "\u0000overflow";

interface GroupTally {
  source: string | null;
  detail1: string | null;
  detail2: string | null;
  current: number;
  previous: number;
  examples: ContactExample[];
}

export interface UnclassifiedTally {
  /** A contact without a source type; `window` says which window its creation falls in. */
  add(contact: AuditContact, lead: RoutedLead, window: "current" | "previous"): void;
  result(): UnclassifiedSection;
}

export function unclassifiedTally(portalId: string | null): UnclassifiedTally {
  const groups = new Map<string, GroupTally>();
  let current = 0;
  let previous = 0;

  return {
    add(contact, lead, window) {
      const source = text(contact, HUBSPOT_PROPERTIES.originalSource);
      const detail1 = text(contact, HUBSPOT_PROPERTIES.originalSourceDetail1);
      const detail2 = text(contact, HUBSPOT_PROPERTIES.originalSourceDetail2);
      let key = JSON.stringify([source, detail1, detail2]);
      if (!groups.has(key) && groups.size >= TRACKED_GROUP_LIMIT) key = OVERFLOW;
      let group = groups.get(key);
      if (!group) {
        group = { source, detail1, detail2, current: 0, previous: 0, examples: [] };
        groups.set(key, group);
      }
      if (window === "previous") {
        previous++;
        group.previous++;
        return;
      }
      current++;
      group.current++;
      if (group.examples.length < EXAMPLES_PER_GROUP) group.examples.push(contactExample(lead.id, lead.name, portalId));
    },
    result() {
      const all = [...groups.entries()]
        .map(([key, group]) => ({ key, group }))
        .sort(
          (a, b) =>
            b.group.current - a.group.current || b.group.previous - a.group.previous || byName(a.group, b.group),
        );
      const listed = all.filter(({ key }) => key !== OVERFLOW).slice(0, UNCLASSIFIED_GROUP_LIMIT);
      const listedKeys = new Set(listed.map(({ key }) => key));
      const rest = all.filter(({ key }) => !listedKeys.has(key));
      return {
        trend: trend(current, previous),
        groups: listed.map(({ group }) => toGroup(group)),
        otherGroups: {
          groups: rest.filter(({ group }) => group.current > 0).length,
          contacts: rest.reduce((sum, { group }) => sum + group.current, 0),
        },
      };
    },
  };
}

/** Ties read alphabetically, groups with nothing known last. */
function byName(a: GroupTally, b: GroupTally): number {
  for (const field of ["source", "detail1", "detail2"] as const) {
    const x = a[field];
    const y = b[field];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x.localeCompare(y, "en");
  }
  return 0;
}

function toGroup(group: GroupTally): UnclassifiedGroup {
  return {
    source: group.source,
    detail1: group.detail1,
    detail2: group.detail2,
    trend: trend(group.current, group.previous),
    examples: group.examples,
  };
}
