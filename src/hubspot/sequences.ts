/** Sequence enrollments (automation v4, raw calls): the outbound history re-engagement needs. */
import type { HubSpotCalls } from "./client-calls";
import { HubSpotError } from "./errors";
import type { SequenceEnrollment } from "./model";

type RawEnrollment = Record<string, unknown>;

/**
 * The contact's sequence enrollments. HubSpot answers with one enrollment, a `results` list or
 * 404 (never enrolled); all three become a list.
 */
export async function listSequenceEnrollments(calls: HubSpotCalls, contactId: string): Promise<SequenceEnrollment[]> {
  const path = `/automation/v4/sequences/enrollments/contact/${encodeURIComponent(contactId)}`;
  try {
    const response = await calls.raw<RawEnrollment | { results?: RawEnrollment[] } | RawEnrollment[]>({
      endpoint: "GET /automation/v4/sequences/enrollments/contact/{contactId}",
      method: "GET",
      path,
    });
    const body = response.body;
    const items = Array.isArray(body)
      ? body
      : body && Array.isArray((body as { results?: unknown }).results)
        ? ((body as { results: RawEnrollment[] }).results ?? [])
        : body && (body as RawEnrollment)["id"] !== undefined
          ? [body as RawEnrollment]
          : [];
    return items.map(toEnrollment);
  } catch (error) {
    if (error instanceof HubSpotError && error.status === 404) return [];
    throw error;
  }
}

function toEnrollment(item: RawEnrollment): SequenceEnrollment {
  return {
    id: String(item["id"]),
    sequenceId: String(item["sequenceId"] ?? ""),
    sequenceName: text(item["sequenceName"]),
    enrolledBy: text(item["enrolledBy"]),
    enrolledByEmail: text(item["enrolledByEmail"]),
    enrolledAt: text(item["enrolledAt"]),
    updatedAt: text(item["updatedAt"]),
  };
}

function text(value: unknown): string | null {
  return value === undefined || value === null || value === "" ? null : String(value);
}
