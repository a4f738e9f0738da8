import type {
  BatchResponsePublicAssociationMultiWithLabel,
  BatchResponsePublicAssociationMultiWithLabelWithErrors,
  PublicAssociationMultiWithLabel,
  StandardError,
} from "@hubspot/api-client/lib/codegen/crm/associations/v4";
import { badRequest } from "../http/errors";
import type { Route } from "../http/router";
import type { Wire } from "../wire";
import { asObject } from "./property-shapes";

const BATCH_MAX = 1000;

/** HubSpot's contact-to-company association types: 279 unlabelled, 1 primary. */
const UNLABELLED = { category: "HUBSPOT_DEFINED" as const, typeId: 279 };
const PRIMARY = { category: "HUBSPOT_DEFINED" as const, typeId: 1, label: "Primary" };

/** `POST /crm/v4/associations/contacts/companies/batch/read` (the only association read RouteOps needs). */
export const associationRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/crm/v4/associations/contacts/companies/batch/read",
    handle(r) {
      const body = asObject(r.body, "the batch");
      if (!Array.isArray(body.inputs)) throw badRequest("inputs must be an array.");
      if (body.inputs.length > BATCH_MAX) {
        throw badRequest(`Batch of ${body.inputs.length} inputs is too large: at most ${BATCH_MAX} are allowed.`);
      }
      const results: Wire<PublicAssociationMultiWithLabel>[] = [];
      const errors: Wire<StandardError>[] = [];
      for (const input of body.inputs) {
        const id = String((input as { id?: unknown } | null)?.id ?? "");
        const associations = r.portal.contacts.get(id) ? r.portal.associations.companiesOf(id) : [];
        if (associations.length === 0) {
          errors.push({
            status: "error",
            category: "OBJECT_NOT_FOUND",
            subCategory: "crm.associations.NO_ASSOCIATIONS_FOUND",
            message: `No company is associated with contact ${id}.`,
            context: { fromObjectId: [id], fromObjectType: ["contact"], toObjectType: ["company"] },
            errors: [],
            links: {},
          });
          continue;
        }
        results.push({
          from: { id },
          to: associations.map((a) => ({
            toObjectId: a.companyId,
            associationTypes: a.primary ? [UNLABELLED, PRIMARY] : [UNLABELLED],
          })),
        });
      }
      const at = new Date(r.now).toISOString();
      if (errors.length === 0) {
        const ok: Wire<BatchResponsePublicAssociationMultiWithLabel> = {
          status: "COMPLETE",
          results,
          startedAt: at,
          completedAt: at,
        };
        return { status: 200, body: ok };
      }
      const partial: Wire<BatchResponsePublicAssociationMultiWithLabelWithErrors> = {
        status: "COMPLETE",
        results,
        errors,
        numErrors: errors.length,
        startedAt: at,
        completedAt: at,
      };
      return { status: 207, body: partial };
    },
  },
];
