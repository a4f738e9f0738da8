/**
 * Action types the portal offers to contact workflows (beta endpoint). The deploy step checks
 * the action type ids it is about to write against this list before writing any flow.
 */
import type { HubSpotCalls } from "./client-calls";
import type { ActionType } from "./model";

const ACTION_TYPES = "/automation/2026-09-beta/action-types";

/** Every action type for the object type (`0-1` = contacts), every page. */
export async function listActionTypes(calls: HubSpotCalls, objectTypeId = "0-1"): Promise<ActionType[]> {
  const types: ActionType[] = [];
  let after: string | undefined;
  do {
    const response = await calls.raw<{ results?: Record<string, unknown>[]; paging?: { next?: { after?: string } } }>({
      endpoint: `GET ${ACTION_TYPES}`,
      method: "GET",
      path: ACTION_TYPES,
      query: { objectTypeId, ...(after ? { after } : {}) },
    });
    for (const item of response.body?.results ?? []) {
      types.push({
        ...item,
        actionTypeId: String(item["actionTypeId"] ?? item["id"] ?? ""),
        // HubSpot documents `actionName` (api-reference/2026-09-beta/automation/workflows/action-types).
        name: item["actionName"] === undefined || item["actionName"] === null ? null : String(item["actionName"]),
      });
    }
    after = response.body?.paging?.next?.after;
  } while (after);
  return types;
}
