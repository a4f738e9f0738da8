/**
 * The territory a contact falls in, from its `country` and `state` as people typed them. The
 * implementation (`engine-clock.ts`) uses the engine's normalisation and matching, so reports
 * name the same territory that routing chose.
 */
export type TerritoryLookup = (country: string | null, state: string | null) => string | null;
