import type { PoolConfig, QueueConfig } from "routeops";

export const pools: PoolConfig[] = [
  {
    id: "inbound-ae-na-east",
    label: "Inbound AEs, North America east",
    calendar: "us-east",
    members: [
      { rep: "ava.reed@acme.test", weight: 2 },
      { rep: "dan.kim@acme.test", weight: 1 },
    ],
  },
  {
    id: "inbound-ae-na-west",
    label: "Inbound AEs, North America west",
    calendar: "us-west",
    members: [
      { rep: "ben.ortiz@acme.test", weight: 1 },
      { rep: "chloe.nguyen@acme.test", weight: 1 },
    ],
    // The whole pool takes at most 12 new leads per Los Angeles business day; then the rule's overflow.
    capacity: { perDay: 12 },
  },
  {
    id: "inbound-ae-emea",
    label: "Inbound AEs, EMEA",
    calendar: "uk",
    members: [
      { rep: "elena.rossi@acme.test", weight: 1 },
      { rep: "farid.haddad@acme.test", weight: 1 },
    ],
  },
  {
    id: "enterprise-na",
    label: "Enterprise AEs, North America",
    calendar: "us-east",
    members: [{ rep: "lara.chen@acme.test", weight: 1 }],
  },
  {
    id: "inbound-sdr-na",
    label: "Inbound SDRs, North America",
    calendar: "us-east",
    members: [{ rep: "gina.park@acme.test", weight: 1 }],
  },
  {
    id: "inbound-sdr-emea",
    label: "Inbound SDRs, EMEA",
    calendar: "uk",
    members: [{ rep: "hugo.martin@acme.test", weight: 1 }],
  },
  {
    id: "outbound-na",
    label: "Outbound hunters, North America",
    calendar: "us-east",
    members: [
      { rep: "ivan.petrov@acme.test", weight: 1 },
      { rep: "jade.wilson@acme.test", weight: 1 },
    ],
  },
  {
    id: "outbound-emea",
    label: "Outbound hunters, EMEA",
    calendar: "uk",
    members: [{ rep: "kofi.mensah@acme.test", weight: 1 }],
  },
];

export const queues: QueueConfig[] = [
  {
    id: "routing-desk",
    label: "Routing desk (RevOps)",
    backupOwner: "mia.lopez@acme.test",
    calendar: "us-east",
  },
];
