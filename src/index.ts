/**
 * The `routeops` package as a routing config imports it: `import { defineRouting } from "routeops"`
 * and the config model's types. Kept small on purpose: a config is loaded at the start of every
 * command, and importing this must not pull in the engine, the validators or any client.
 */
export { defineRouting } from "./config/define";
export type * from "./config/types";
