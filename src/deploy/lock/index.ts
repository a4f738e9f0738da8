export * from "./record";
export * from "./portal-lock";
