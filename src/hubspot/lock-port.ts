/**
 * The portal lock's storage over the HubSpot adapter: one hidden contact property per lock
 * generation, in HubSpot's default `contactinformation` group (present in every portal, so the
 * lock works on an empty portal before RouteOps' own group exists).
 */
import { lockGenerationOf, lockPropertyName, type LockPort } from "../deploy/lock";
import type { HubSpotAdapter } from "./adapter";
import { HubSpotError } from "./errors";

const CONTACTS = "contacts";
const LOCK_GROUP = "contactinformation";

export function createLockPort(adapter: HubSpotAdapter): LockPort {
  return {
    async list() {
      const properties = await adapter.listProperties(CONTACTS);
      const entries: { generation: number; description: string }[] = [];
      for (const property of properties) {
        const generation = lockGenerationOf(property.name);
        if (generation !== undefined) entries.push({ generation, description: property.description ?? "" });
      }
      return entries;
    },
    async create(generation, description) {
      try {
        await adapter.createProperty(CONTACTS, {
          name: lockPropertyName(generation),
          label: `RouteOps deploy lock ${generation}`,
          type: "string",
          fieldType: "text",
          groupName: LOCK_GROUP,
          description,
          hidden: true,
          formField: false,
        });
        return "created";
      } catch (error) {
        // HubSpot's compare-and-set: the name exists (or is still in the recycle bin).
        if (error instanceof HubSpotError && error.status === 409) return "taken";
        throw error;
      }
    },
    async update(generation, description) {
      await adapter.updateProperty(CONTACTS, lockPropertyName(generation), { description });
    },
    async archive(generation) {
      await adapter.archiveProperty(CONTACTS, lockPropertyName(generation));
    },
  };
}
