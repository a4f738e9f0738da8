/**
 * The plan as GitHub Markdown: the plan document (`document.ts`) through the one Markdown renderer
 * of reports, so everything that comes from the portal or the config (names, labels, values,
 * reasons) is escaped, and the hidden marker lets the comment be found and updated in place.
 */
import { renderMarkdown } from "../../report/render-markdown";
import type { Plan } from "../plan/types";
import { planDocument, type PlanDocumentOptions } from "./document";

export { PLAN_COMMENT_MARKER } from "./document";

export function renderPlanMarkdown(plan: Plan, options: PlanDocumentOptions = {}): string {
  return renderMarkdown(planDocument(plan, options));
}
