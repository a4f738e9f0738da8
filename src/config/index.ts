export * from "./types";
export { defineRouting } from "./define";
export { routingSchema } from "./schema";
