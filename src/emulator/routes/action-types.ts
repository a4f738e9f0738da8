import { badRequest } from "../http/errors";
import type { Route } from "../http/router";

/** `GET /automation/2026-09-beta/action-types?objectTypeId=0-1`: the action types this portal has. */
export const actionTypeRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/automation/2026-09-beta/action-types",
    handle(r) {
      const objectTypeId = r.query.get("objectTypeId");
      if (objectTypeId !== null && !/^\d+-\d+$/.test(objectTypeId)) {
        throw badRequest(`objectTypeId "${objectTypeId}" is not an object type id like 0-1.`);
      }
      const results = r.portal.actionTypes.filter(
        (t) => objectTypeId === null || t.objectTypeIds.includes(objectTypeId),
      );
      return { status: 200, body: { results } };
    },
  },
];
