import type { CollectionResponseWithTotalSimplePublicObjectForwardPaging } from "@hubspot/api-client/lib/codegen/crm/contacts";
import type { Route } from "../http/router";
import { compileSearch, runSearch, SEARCH_LIMITS } from "../search/query";
import type { Wire } from "../wire";
import { propertiesToRead, renderRecord } from "./record-shapes";

/** `POST /crm/v3/objects/{contacts|companies}/search`. */
export const searchRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/crm/v3/objects/:objectType/search",
    search: true,
    handle(r) {
      const search = compileSearch(r.portal, r.objectType, r.body);
      const matches = runSearch(r.portal, r.objectType, search, r.now);
      const end = Math.min(search.offset + search.limit, matches.length, SEARCH_LIMITS.results);
      const names = propertiesToRead(r.portal, r.objectType, search.properties);
      const body: Wire<CollectionResponseWithTotalSimplePublicObjectForwardPaging> = {
        total: matches.length,
        results: matches.slice(search.offset, end).map((m) => renderRecord(m.record, names, m.values)),
      };
      if (end < matches.length) body.paging = { next: { after: String(end) } };
      return { status: 200, body };
    },
  },
];
