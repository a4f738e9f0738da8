/**
 * Table cells the report builds itself around untrusted text.
 */
import { escapeMarkdown, type TableCell } from "../../report/markdown";
import type { ContactExample } from "../model";

/**
 * Example contacts as links into HubSpot. The link text is the record id and the URL is built
 * from digits only (see `examples.ts`); the name a contact typed is escaped after it.
 */
export function examplesCell(examples: readonly ContactExample[]): TableCell {
  if (examples.length === 0) return "";
  return {
    markdown: examples
      .map((example) => {
        const id = escapeMarkdown(example.id);
        const link = example.url ? `[${id}](${example.url})` : id;
        return example.name ? `${link} ${escapeMarkdown(example.name)}` : link;
      })
      .join(", "),
  };
}
