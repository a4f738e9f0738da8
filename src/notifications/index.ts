/** Notifications where reps work: Block Kit messages and which go where (pure). */
export * from "./message";
export * from "./plan";
