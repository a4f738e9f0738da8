import { randomUUID } from "node:crypto";
import type { ModelError } from "@hubspot/api-client/lib/codegen/crm/properties";
import type { Wire } from "../wire";

/** HubSpot's error body. `policyName`/`errorType` only appear on 429s. */
export type HubSpotErrorBody = Wire<ModelError> & { status: "error"; policyName?: string; errorType?: string };

/** Error detail inside `errors`. */
export interface ErrorDetailInput {
  message: string;
  code?: string;
  in?: string;
  context?: Record<string, string[]>;
}

/**
 * An answer that is an error, thrown by route handlers and turned into HubSpot's body by the
 * server. Handlers throw before they change anything, so an error never leaves a half-applied write.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly category: string,
    message: string,
    readonly extra: {
      subCategory?: string;
      errors?: ErrorDetailInput[];
      context?: Record<string, string[]>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
  }

  body(): HubSpotErrorBody {
    return errorBody(this.category, this.message, this.extra);
  }
}

export function errorBody(
  category: string,
  message: string,
  extra: { subCategory?: string; errors?: ErrorDetailInput[]; context?: Record<string, string[]> } = {},
): HubSpotErrorBody {
  const body: HubSpotErrorBody = { status: "error", message, correlationId: randomUUID(), category };
  if (extra.subCategory !== undefined) body.subCategory = extra.subCategory;
  if (extra.errors !== undefined) body.errors = extra.errors;
  if (extra.context !== undefined) body.context = extra.context;
  return body;
}

export const badRequest = (message: string, extra: ConstructorParameters<typeof ApiError>[3] = {}) =>
  new ApiError(400, "VALIDATION_ERROR", message, extra);

export const notFound = (message: string, subCategory?: string) =>
  new ApiError(404, "OBJECT_NOT_FOUND", message, subCategory === undefined ? {} : { subCategory });

export const conflict = (message: string, subCategory?: string) =>
  new ApiError(409, "CONFLICT", message, subCategory === undefined ? {} : { subCategory });
