/** A contact-to-company association. */
export interface CompanyAssociation {
  contactId: string;
  companyId: string;
  /** The primary company (association type 1, mirrored in `associatedcompanyid`). */
  primary: boolean;
}

/** Contact-to-company associations. */
export class AssociationStore {
  private readonly byContact = new Map<string, CompanyAssociation[]>();

  constructor(private readonly touch: () => void) {}

  /** The companies a contact is associated with, primary first. */
  companiesOf(contactId: string): CompanyAssociation[] {
    return this.byContact.get(contactId) ?? [];
  }

  primaryCompanyOf(contactId: string): string | undefined {
    return this.companiesOf(contactId).find((a) => a.primary)?.companyId;
  }

  /** Associates; a new primary demotes the previous one. */
  associate(contactId: string, companyId: string, primary: boolean): void {
    const list = (this.byContact.get(contactId) ?? []).filter((a) => a.companyId !== companyId);
    const kept = primary ? list.map((a) => ({ ...a, primary: false })) : list;
    const entry = { contactId, companyId, primary };
    this.byContact.set(contactId, primary ? [entry, ...kept] : [...kept, entry]);
    this.touch();
  }

  /** Removes the contact's primary association (the company stays associated, unlabelled). */
  clearPrimary(contactId: string): void {
    const list = this.byContact.get(contactId);
    if (!list) return;
    this.byContact.set(
      contactId,
      list.map((a) => ({ ...a, primary: false })),
    );
    this.touch();
  }

  dump(): CompanyAssociation[] {
    return [...this.byContact.values()].flat();
  }

  clear(): void {
    this.byContact.clear();
  }
}
