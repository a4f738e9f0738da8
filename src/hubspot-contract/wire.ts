/**
 * The JSON that goes over the wire for a model of `@hubspot/api-client`. The generated models
 * describe what the client hands its caller after deserialising: dates as `Date`, string enums as
 * TypeScript enums, and a few keys renamed (`from` is `_from`, `in` is `_in`). Typing every
 * response as `Wire<Model>` makes any drift from HubSpot's shapes a type error.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends string
    ? `${T}`
    : T extends readonly (infer U)[]
      ? Wire<U>[]
      : T extends object
        ? { [K in keyof T as K extends `_${infer Rest}` ? Rest : K]: Wire<T[K]> }
        : T;
