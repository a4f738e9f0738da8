/**
 * Business time as the audit needs it, keyed by calendar id. The implementation compiles the
 * config's calendars with the engine's business-time code (`engine-clock.ts`), so the audit's
 * speed-to-lead and follow-up figures run on exactly the clocks that routing used.
 */

export interface AuditClock {
  /** Business minutes between two instants on the calendar (0 when `to` is not after `from`). */
  businessMinutes(calendarId: string, fromMs: number, toMs: number): number;
  /** The instant `days` full business days after `start` on the calendar (the engine's SLA rule). */
  afterBusinessDays(calendarId: string, start: number, days: number): number;
}
