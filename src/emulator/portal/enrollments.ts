/** A contact's enrollment in a sales sequence. Times in epoch ms. */
export interface SequenceEnrollment {
  id: string;
  contactId: string;
  sequenceId: string;
  sequenceName: string;
  /** The enrolling user's id (HubSpot user id, as a string). */
  enrolledBy: string;
  enrolledByEmail: string;
  enrolledAt: number;
  updatedAt: number;
}

/** Sequence enrollments by contact, oldest first. */
export class EnrollmentStore {
  private readonly byContact = new Map<string, SequenceEnrollment[]>();
  private nextId = 1;

  constructor(private readonly touch: () => void) {}

  /** Every enrollment of a contact, oldest first. */
  forContact(contactId: string): SequenceEnrollment[] {
    return this.byContact.get(contactId) ?? [];
  }

  /** The contact's most recent enrollment: what HubSpot's enrollment endpoint answers. */
  latest(contactId: string): SequenceEnrollment | undefined {
    return this.forContact(contactId).at(-1);
  }

  /** Records an enrollment; `id` is assigned when not given. */
  add(enrollment: Omit<SequenceEnrollment, "id"> & { id?: string }): SequenceEnrollment {
    const id = enrollment.id ?? String(this.nextId);
    this.nextId = Math.max(this.nextId, Number(id) + 1 || this.nextId + 1);
    const stored = { ...enrollment, id };
    const list = [...this.forContact(stored.contactId), stored].sort((a, b) => a.enrolledAt - b.enrolledAt);
    this.byContact.set(stored.contactId, list);
    this.touch();
    return stored;
  }

  dump(): SequenceEnrollment[] {
    return [...this.byContact.values()].flat();
  }

  clear(): void {
    this.byContact.clear();
    this.nextId = 1;
  }
}
