/**
 * Checks a JSON body against the contract and says, for every problem, the path inside the body
 * and what was expected. Used by the emulator (to answer HubSpot's 400) and by our own tests (to
 * prove that every body RouteOps sends conforms).
 */
import type { z } from "zod";
import { contactFlowCreateRequestSchema, contactFlowPutRequestSchema, contactFlowSchema } from "./flow-schemas";
import { MAX_LIST_BRANCHES } from "./flows";

/** One way a body departs from the contract. `path` is like `actions[3].listBranches[0].filterBranch`. */
export interface ContractProblem {
  path: string;
  message: string;
  /** HubSpot's error detail code for it. */
  code: "INVALID_FIELD" | "MISSING_FIELD" | "UNKNOWN_FIELD" | "INVALID_DISCRIMINATOR" | "LIMIT_EXCEEDED" | "UNKNOWN_ID";
}

/** `["actions", 3, "fields"]` → `actions[3].fields`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(body)" : out;
}

const join = (path: string, key: string) => (path === "(body)" ? key : `${path}.${key}`);
const describe = (value: unknown) => (value === undefined ? "nothing" : JSON.stringify(value));

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = body;
  for (const part of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[part];
  }
  return at;
}

/** Every problem zod finds, in HubSpot's words. */
export function contractProblems(schema: z.ZodType, body: unknown): ContractProblem[] {
  const result = schema.safeParse(body);
  if (result.success) return [];
  const problems: ContractProblem[] = [];
  for (const issue of result.error.issues) {
    const path = formatPath(issue.path);
    const found = valueAt(body, issue.path);
    switch (issue.code) {
      case "unrecognized_keys":
        for (const key of issue.keys) {
          problems.push({
            path: join(path, key),
            code: "UNKNOWN_FIELD",
            message: `${join(path, key)} is not a field of this object in HubSpot's contract`,
          });
        }
        break;
      case "invalid_union": {
        const info = issue as unknown as { discriminator?: string; options?: unknown[] };
        if (info.discriminator !== undefined) {
          const options = (info.options ?? []).map(String).join(", ");
          problems.push({
            path,
            code: found === undefined ? "MISSING_FIELD" : "INVALID_DISCRIMINATOR",
            message:
              found === undefined
                ? `${path} is required: one of ${options}`
                : `${path} is ${describe(found)}; expected one of ${options}`,
          });
        } else {
          problems.push({ path, code: "INVALID_FIELD", message: `${path} matches none of the allowed shapes` });
        }
        break;
      }
      case "invalid_type":
        problems.push(
          found === undefined
            ? { path, code: "MISSING_FIELD", message: `${path} is required (${issue.expected})` }
            : { path, code: "INVALID_FIELD", message: `${path} must be ${issue.expected}, got ${describe(found)}` },
        );
        break;
      case "invalid_value":
        problems.push({
          path,
          code: found === undefined ? "MISSING_FIELD" : "INVALID_FIELD",
          message: `${path} ${found === undefined ? "is required" : `is ${describe(found)}`}; expected ${issue.values
            .map((v) => JSON.stringify(v))
            .join(" or ")}`,
        });
        break;
      default:
        problems.push({ path, code: "INVALID_FIELD", message: `${path}: ${issue.message}` });
    }
  }
  return problems;
}

/** Structural limits the types cannot say: at most 20 branches per if/then branch action. */
export function flowLimitProblems(body: unknown): ContractProblem[] {
  const actions = (body as { actions?: unknown })?.actions;
  if (!Array.isArray(actions)) return [];
  const problems: ContractProblem[] = [];
  actions.forEach((action, index) => {
    const branches = (action as { listBranches?: unknown })?.listBranches;
    if (Array.isArray(branches) && branches.length > MAX_LIST_BRANCHES) {
      problems.push({
        path: `actions[${index}].listBranches`,
        code: "LIMIT_EXCEEDED",
        message: `actions[${index}].listBranches has ${branches.length} branches; an if/then branch allows at most ${MAX_LIST_BRANCHES}`,
      });
    }
  });
  return problems;
}

/** Problems of a `POST /automation/v4/flows` body (SDK `ContactFlowCreateRequest`). */
export const createRequestProblems = (body: unknown): ContractProblem[] => [
  ...contractProblems(contactFlowCreateRequestSchema, body),
  ...flowLimitProblems(body),
];

/** Problems of a `PUT /automation/v4/flows/{id}` body (SDK `ContactFlowPutRequest`). */
export const putRequestProblems = (body: unknown): ContractProblem[] => [
  ...contractProblems(contactFlowPutRequestSchema, body),
  ...flowLimitProblems(body),
];

/** Problems of a flow answered by `GET /automation/v4/flows/{id}` (SDK `ContactFlow`). */
export const contactFlowProblems = (body: unknown): ContractProblem[] => contractProblems(contactFlowSchema, body);
