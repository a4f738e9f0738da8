/** Deterministic sample data for simulations, benches and emulator seeding. */
export { generateRouteInputs, generateRouteInputList, type RouteInputOptions } from "./route-inputs";
export { createRandom, type Random } from "./prng";
