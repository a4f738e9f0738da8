import type { Command } from "../io";

/**
 * Every command, loaded lazily so that `routeops validate` does not pay for the HubSpot client.
 * Add a command by adding one line here.
 */
export const commands: Record<string, () => Promise<Command>> = {
  validate: async () => (await import("./validate")).validateCommand,
  test: async () => (await import("./test")).testCommand,
  explain: async () => (await import("./explain")).explainCommand,
  graph: async () => (await import("./graph")).graphCommand,
  audit: async () => (await import("./audit")).auditCommand,
  emulator: async () => (await import("./emulator")).emulatorCommand,
  simulate: async () => (await import("./simulate")).simulateCommand,
  "pr-report": async () => (await import("./pr-report")).prReportCommand,
  plan: async () => (await import("./plan")).planCommand,
  deploy: async () => (await import("./deploy")).deployCommand,
  demo: async () => (await import("./demo")).demoCommand,
  init: async () => (await import("./init")).initCommand,
  router: async () => (await import("./router")).routerCommand,
  why: async () => (await import("./why")).whyCommand,
};
