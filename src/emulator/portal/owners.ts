/** A team an owner belongs to. */
export interface OwnerTeam {
  id: string;
  name: string;
  primary: boolean;
}

/** A HubSpot owner (a user who can own records). Times in epoch ms. */
export interface Owner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  /** Absent once the user is deactivated (archived). */
  userId?: number;
  userIdIncludingInactive: number;
  type: "PERSON" | "QUEUE";
  archived: boolean;
  teams: OwnerTeam[];
  createdAt: number;
  updatedAt: number;
}

/** The owners of the portal. HubSpot's owners API is read-only, so only the seed and tests add them. */
export class OwnerStore {
  private readonly owners = new Map<string, Owner>();

  constructor(private readonly touch: () => void) {}

  /** Every owner, in id order. */
  list(): Owner[] {
    return [...this.owners.values()].sort((a, b) => Number(a.id) - Number(b.id));
  }

  get(id: string): Owner | undefined {
    return this.owners.get(id);
  }

  byEmail(email: string): Owner | undefined {
    const wanted = email.toLowerCase();
    return [...this.owners.values()].find((o) => o.email.toLowerCase() === wanted);
  }

  /** Whether `userId` is the user of an owner that is not archived (a user who can be assigned). */
  isActiveUser(userId: number): boolean {
    return [...this.owners.values()].some((o) => o.userId === userId && !o.archived);
  }

  byUserId(userId: number): Owner | undefined {
    return [...this.owners.values()].find((o) => o.userIdIncludingInactive === userId);
  }

  put(owner: Owner): void {
    this.owners.set(owner.id, owner);
    this.touch();
  }

  /** Deactivates the owner's user: archived, keeps its id, loses its userId. */
  deactivate(id: string, at: number): void {
    const owner = this.owners.get(id);
    if (!owner) return;
    const { userId: _userId, ...rest } = owner;
    this.owners.set(id, { ...rest, archived: true, updatedAt: at });
    this.touch();
  }

  dump(): Owner[] {
    return this.list();
  }

  clear(): void {
    this.owners.clear();
  }
}
