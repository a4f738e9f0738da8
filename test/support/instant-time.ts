/**
 * Time for an adapter whose waits should cost nothing: every `sleep` moves `now` forward by its
 * length and resolves at once. `now` and `sleep` must come from one clock: with a real `now`, a
 * rate limiter paused for a 429 would wake at once, find the pause not over, and spin until the
 * real seconds had passed. For tests that assert what was waited, not when things happened; when
 * the emulator must see the same time (rate-limit windows), use SharedClock.
 */
export interface InstantTime {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Every wait asked for, in milliseconds, in order. */
  slept: number[];
}

export function instantTime(start = 0): InstantTime {
  let time = start;
  const slept: number[] = [];
  return {
    now: () => time,
    sleep: async (ms: number) => {
      slept.push(ms);
      time += Math.max(0, ms);
    },
    slept,
  };
}
