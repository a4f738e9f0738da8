/**
 * The HubSpot-defined properties and groups a fresh portal has: only those RouteOps reads or
 * writes. Option values are HubSpot's internal values.
 */
import type { ObjectType } from "./object-types";
import type { PropertyDefinition, PropertyGroupDefinition, PropertyOption, PropertyType } from "./property-definition";

/** When HubSpot created its own definitions, as shown in `createdAt`/`updatedAt`. */
const HUBSPOT_DEFINED_AT = Date.parse("2019-08-06T02:41:52.000Z");

const options = (values: [value: string, label: string][]): PropertyOption[] =>
  values.map(([value, label], displayOrder) => ({ value, label, hidden: false, displayOrder }));

interface Spec {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  readOnly?: boolean;
  calculated?: boolean;
  options?: PropertyOption[];
  owner?: boolean;
}

function define(spec: Spec): PropertyDefinition {
  const definition: PropertyDefinition = {
    name: spec.name,
    label: spec.label,
    type: spec.type,
    fieldType: spec.fieldType,
    groupName: spec.groupName,
    description: "",
    options: spec.options ?? [],
    hidden: false,
    formField: !spec.readOnly,
    hasUniqueValue: false,
    hubspotDefined: true,
    calculated: spec.calculated ?? false,
    externalOptions: spec.owner ?? false,
    readOnlyValue: spec.readOnly ?? false,
    readOnlyDefinition: true,
    createdAt: HUBSPOT_DEFINED_AT,
    updatedAt: HUBSPOT_DEFINED_AT,
    archived: false,
  };
  if (spec.owner) definition.referencedObjectType = "OWNER";
  return definition;
}

const text = (name: string, label: string, groupName: string, readOnly = false): Spec => ({
  name,
  label,
  type: "string",
  fieldType: "text",
  groupName,
  readOnly,
});
const datetime = (name: string, label: string, groupName: string, readOnly = true): Spec => ({
  name,
  label,
  type: "datetime",
  fieldType: "date",
  groupName,
  readOnly,
});
const number = (name: string, label: string, groupName: string, readOnly = true): Spec => ({
  name,
  label,
  type: "number",
  fieldType: "number",
  groupName,
  readOnly,
  calculated: readOnly,
});
const owner = (groupName: string): Spec => ({
  name: "hubspot_owner_id",
  label: "Contact owner",
  type: "enumeration",
  fieldType: "select",
  groupName,
  owner: true,
});

/** `hs_analytics_source` values. */
export const ANALYTICS_SOURCES = options([
  ["ORGANIC_SEARCH", "Organic search"],
  ["PAID_SEARCH", "Paid search"],
  ["EMAIL_MARKETING", "Email marketing"],
  ["SOCIAL_MEDIA", "Organic social"],
  ["REFERRALS", "Referrals"],
  ["OTHER_CAMPAIGNS", "Other campaigns"],
  ["DIRECT_TRAFFIC", "Direct traffic"],
  ["OFFLINE", "Offline sources"],
  ["PAID_SOCIAL", "Paid social"],
  ["AI_REFERRALS", "AI referrals"],
]);

export const LIFECYCLE_STAGES = options([
  ["subscriber", "Subscriber"],
  ["lead", "Lead"],
  ["marketingqualifiedlead", "Marketing Qualified Lead"],
  ["salesqualifiedlead", "Sales Qualified Lead"],
  ["opportunity", "Opportunity"],
  ["customer", "Customer"],
  ["evangelist", "Evangelist"],
  ["other", "Other"],
]);

export const LEAD_STATUSES = options([
  ["NEW", "New"],
  ["OPEN", "Open"],
  ["IN_PROGRESS", "In Progress"],
  ["OPEN_DEAL", "Open Deal"],
  ["UNQUALIFIED", "Unqualified"],
  ["ATTEMPTED_TO_CONTACT", "Attempted to Contact"],
  ["CONNECTED", "Connected"],
  ["BAD_TIMING", "Bad Timing"],
]);

const CONTACT_SPECS: Spec[] = [
  datetime("createdate", "Create Date", "contactinformation", false),
  text("email", "Email", "contactinformation"),
  text("firstname", "First Name", "contactinformation"),
  text("lastname", "Last Name", "contactinformation"),
  text("country", "Country/Region", "contactinformation"),
  text("state", "State/Region", "contactinformation"),
  owner("sales_properties"),
  datetime("hubspot_owner_assigneddate", "Owner assigned date", "sales_properties"),
  {
    name: "hs_analytics_source",
    label: "Original Traffic Source",
    type: "enumeration",
    fieldType: "select",
    groupName: "analyticsinformation",
    readOnly: true,
    options: ANALYTICS_SOURCES,
  },
  text("hs_analytics_source_data_1", "Original Traffic Source Drill-Down 1", "analyticsinformation", true),
  text("hs_analytics_source_data_2", "Original Traffic Source Drill-Down 2", "analyticsinformation", true),
  {
    name: "lifecyclestage",
    label: "Lifecycle Stage",
    type: "enumeration",
    fieldType: "radio",
    groupName: "contactinformation",
    options: LIFECYCLE_STAGES,
  },
  {
    name: "hs_lead_status",
    label: "Lead Status",
    type: "enumeration",
    fieldType: "radio",
    groupName: "sales_properties",
    options: LEAD_STATUSES,
  },
  datetime("hs_sa_first_engagement_date", "Date of first engagement", "sales_properties"),
  number("hs_time_to_first_engagement", "Time to first engagement", "sales_properties"),
  number("hs_sequences_enrolled_count", "Number of sequences enrolled", "sales_properties"),
  text("hs_latest_sequence_enrolled", "Last sequence enrolled", "sales_properties", true),
  datetime("hs_latest_sequence_enrolled_date", "Last sequence enrolled date", "sales_properties"),
  datetime("engagements_last_meeting_booked", "Date of last meeting booked in meetings tool", "sales_properties"),
  number("associatedcompanyid", "Primary Associated Company ID", "contactinformation", false),
  datetime("lastmodifieddate", "Last Modified Date", "contactinformation"),
  number("hs_object_id", "Record ID", "contactinformation"),
];

const COMPANY_SPECS: Spec[] = [
  text("name", "Company name", "companyinformation"),
  text("domain", "Company Domain Name", "companyinformation"),
  // HubSpot's default "Additional Domains": several domains, semicolon-separated (companies guide).
  text("hs_additional_domains", "Additional Domains", "companyinformation"),
  text("country", "Country/Region", "companyinformation"),
  number("numberofemployees", "Number of Employees", "companyinformation", false),
  { ...owner("companyinformation"), label: "Company owner" },
  datetime("createdate", "Create Date", "companyinformation", false),
  datetime("hs_lastmodifieddate", "Last Modified Date", "companyinformation"),
  number("hs_object_id", "Record ID", "companyinformation"),
];

/** A fresh portal's HubSpot-defined properties of one object type. */
export function defaultProperties(objectType: ObjectType): PropertyDefinition[] {
  return (objectType === "contacts" ? CONTACT_SPECS : COMPANY_SPECS).map(define);
}

const group = (name: string, label: string, displayOrder: number): PropertyGroupDefinition => ({
  name,
  label,
  displayOrder,
  archived: false,
});

/** A fresh portal's property groups of one object type. */
export function defaultGroups(objectType: ObjectType): PropertyGroupDefinition[] {
  return objectType === "contacts"
    ? [
        group("contactinformation", "Contact information", 0),
        group("sales_properties", "Sales properties", 1),
        group("analyticsinformation", "Web analytics history", 2),
        group("conversioninformation", "Conversion information", 3),
        group("emailinformation", "Email information", 4),
      ]
    : [
        group("companyinformation", "Company information", 0),
        group("analyticsinformation", "Web analytics history", 1),
      ];
}
