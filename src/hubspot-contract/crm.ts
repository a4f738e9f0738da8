/**
 * Request bodies RouteOps sends to HubSpot's CRM APIs, as zod schemas. Source for each: the
 * OpenAPI-generated models of HubSpot's official client `@hubspot/api-client` (v14,
 * `lib/codegen/crm/...`), named next to each schema; required and optional keys follow those
 * models. Strict like the flow schemas: an unknown key is a problem.
 */
import { z } from "zod";
import type { ContractProblem } from "./validate";
import { contractProblems } from "./validate";
import { contactFlowCreateRequestSchema, contactFlowPutRequestSchema } from "./flow-schemas";

const str = z.string();

/** `crm/properties` `PropertyCreate.typeEnum` / `fieldTypeEnum`. */
const propertyType = z.enum(["string", "number", "date", "datetime", "enumeration", "bool"]);
const fieldType = z.enum([
  "textarea",
  "text",
  "date",
  "file",
  "number",
  "select",
  "radio",
  "checkbox",
  "booleancheckbox",
  "calculation_equation",
  "html",
  "phonenumber",
]);

/** `crm/properties` `OptionInput`. */
const optionInput = z.strictObject({
  label: str,
  value: str,
  hidden: z.boolean(),
  displayOrder: z.number().optional(),
  description: str.optional(),
});

/** `crm/properties` `PropertyCreate`. */
export const propertyCreateSchema = z.strictObject({
  name: str,
  label: str,
  type: propertyType,
  fieldType,
  groupName: str,
  description: str.optional(),
  displayOrder: z.number().optional(),
  options: z.array(optionInput).optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  referencedObjectType: str.optional(),
  calculationFormula: str.optional(),
  hasUniqueValue: z.boolean().optional(),
  externalOptions: z.boolean().optional(),
});

/** `crm/properties` `PropertyUpdate`. */
export const propertyUpdateSchema = z.strictObject({
  label: str.optional(),
  type: propertyType.optional(),
  fieldType: fieldType.optional(),
  groupName: str.optional(),
  description: str.optional(),
  displayOrder: z.number().optional(),
  options: z.array(optionInput).optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  calculationFormula: str.optional(),
});

/** `crm/properties` `BatchInputPropertyCreate`. */
export const propertyBatchCreateSchema = z.strictObject({ inputs: z.array(propertyCreateSchema) });

/** `crm/properties` `PropertyGroupCreate`. */
export const propertyGroupCreateSchema = z.strictObject({ name: str, label: str, displayOrder: z.number().optional() });

/** `crm/properties` `PropertyGroupUpdate`. */
export const propertyGroupUpdateSchema = z.strictObject({ label: str.optional(), displayOrder: z.number().optional() });

/** `crm/objects` `BatchReadInputSimplePublicObjectId`. */
export const batchReadSchema = z.strictObject({
  inputs: z.array(z.strictObject({ id: str })),
  properties: z.array(str),
  propertiesWithHistory: z.array(str),
  idProperty: str.optional(),
});

/** `crm/objects` `BatchInputSimplePublicObjectBatchInput`. */
export const batchUpdateSchema = z.strictObject({
  inputs: z.array(
    z.strictObject({
      id: str,
      properties: z.record(str, str),
      idProperty: str.optional(),
      objectWriteTraceId: str.optional(),
    }),
  ),
});

/**
 * `crm/objects` `BatchInputSimplePublicObjectBatchInputForCreate` (SDK
 * src/resources/crm/objects/tasks/batch.ts `BatchCreateParams`; `SimplePublicObjectBatchInputForCreate`
 * with `PublicAssociationsForObject { to: { id }, types: AssociationSpec[] }`). `associations` is
 * optional in some generated versions and required in others: RouteOps always sends it.
 */
export const batchCreateSchema = z.strictObject({
  inputs: z.array(
    z.strictObject({
      properties: z.record(str, str),
      associations: z
        .array(
          z.strictObject({
            to: z.strictObject({ id: str }),
            types: z.array(
              z.strictObject({
                associationCategory: z.enum(["HUBSPOT_DEFINED", "USER_DEFINED", "INTEGRATOR_DEFINED"]),
                associationTypeId: z.number().int(),
              }),
            ),
          }),
        )
        .optional(),
      objectWriteTraceId: str.optional(),
    }),
  ),
});

/** `crm/objects` `PublicObjectSearchRequest` with `FilterGroup` and `Filter`. */
export const searchRequestSchema = z.strictObject({
  query: str.optional(),
  limit: z.number().int().optional(),
  after: str.optional(),
  // The SDK types a sort as a string; HubSpot's CRM search guide (developers.hubspot.com, "Search
  // the CRM", Sorting) documents `{ propertyName, direction }` objects, which the API accepts.
  sorts: z
    .array(z.union([str, z.strictObject({ propertyName: str, direction: z.enum(["ASCENDING", "DESCENDING"]) })]))
    .optional(),
  properties: z.array(str).optional(),
  filterGroups: z
    .array(
      z.strictObject({
        filters: z.array(
          z.strictObject({
            propertyName: str,
            operator: z.enum([
              "EQ",
              "NEQ",
              "LT",
              "LTE",
              "GT",
              "GTE",
              "BETWEEN",
              "IN",
              "NOT_IN",
              "HAS_PROPERTY",
              "NOT_HAS_PROPERTY",
              "CONTAINS_TOKEN",
              "NOT_CONTAINS_TOKEN",
            ]),
            value: str.optional(),
            values: z.array(str).optional(),
            highValue: str.optional(),
          }),
        ),
      }),
    )
    .optional(),
});

/** `crm/associations/v4` `BatchInputPublicFetchAssociationsBatchRequest`. */
export const associationsBatchReadSchema = z.strictObject({
  inputs: z.array(z.strictObject({ id: str, after: str.optional() })),
});

/** SDK (hubspot-sdk-typescript) `src/resources/automation/v4/flows/batch.ts` `BatchReadParams`: `{ inputs: [{ flowId, type }] }`. */
export const flowBatchReadSchema = z.strictObject({
  inputs: z.array(z.strictObject({ flowId: str, type: z.literal("FLOW_ID") })),
});

/** The request-body schema of each endpoint RouteOps writes to, by `METHOD /path` with `{params}`. */
export const REQUEST_SCHEMAS: Record<string, z.ZodType> = {
  "POST /automation/v4/flows": contactFlowCreateRequestSchema,
  "PUT /automation/v4/flows/{flowId}": contactFlowPutRequestSchema,
  "POST /automation/v4/flows/batch/read": flowBatchReadSchema,
  "POST /crm/v3/properties/{objectType}/batch/create": propertyBatchCreateSchema,
  "POST /crm/v3/properties/{objectType}": propertyCreateSchema,
  "PATCH /crm/v3/properties/{objectType}/{propertyName}": propertyUpdateSchema,
  "POST /crm/v3/properties/{objectType}/groups": propertyGroupCreateSchema,
  "PATCH /crm/v3/properties/{objectType}/groups/{groupName}": propertyGroupUpdateSchema,
  "POST /crm/v3/objects/{objectType}/batch/read": batchReadSchema,
  "POST /crm/v3/objects/{objectType}/batch/update": batchUpdateSchema,
  "POST /crm/v3/objects/{objectType}/batch/create": batchCreateSchema,
  "POST /crm/v3/objects/{objectType}/search": searchRequestSchema,
  "POST /crm/v4/associations/{fromObjectType}/{toObjectType}/batch/read": associationsBatchReadSchema,
};

const PATTERNS = Object.keys(REQUEST_SCHEMAS).map((key) => {
  const [method, path] = key.split(" ") as [string, string];
  const regex = new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/]+")}$`);
  return { key, method, regex, literal: !path.includes("{") };
});

/** The contract key (`METHOD /path/{param}`) of a concrete request, or undefined when none applies. */
export function requestContractKey(method: string, path: string): string | undefined {
  const matching = PATTERNS.filter((p) => p.method === method && p.regex.test(path));
  // A literal path (…/flows/batch/read) wins over a parameterised one (…/flows/{flowId}).
  return (matching.find((p) => p.literal) ?? matching[0])?.key;
}

/** Problems of a request body against the endpoint's contract; throws for an endpoint the contract lacks. */
export function requestBodyProblems(method: string, path: string, body: unknown): ContractProblem[] {
  const key = requestContractKey(method, path);
  if (key === undefined)
    throw new Error(`no contract schema for ${method} ${path}: add it to src/hubspot-contract/crm.ts`);
  return contractProblems(REQUEST_SCHEMAS[key] as z.ZodType, body);
}
