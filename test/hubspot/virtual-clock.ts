/**
 * Virtual time for limiter and retry tests: `sleep` registers a timer, `run` lets every pending
 * promise settle, then jumps to the earliest timer, until the work is done. Nothing depends on
 * the machine's clock, and a 10-second window costs no real time.
 */
export class VirtualClock {
  private time = 0;
  private timers: { at: number; seq: number; resolve: () => void }[] = [];
  private seq = 0;
  readonly slept: number[] = [];

  now = (): number => this.time;

  sleep = (ms: number): Promise<void> => {
    this.slept.push(ms);
    return new Promise((resolve) => {
      this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, resolve });
    });
  };

  /** Advances virtual time by `ms` without firing timers (a request in flight). */
  advance(ms: number): void {
    this.time += ms;
  }

  /** Drives `work` to completion, firing timers in time order whenever nothing else can run. */
  async run<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const result = work.finally(() => {
      done = true;
    });
    // The caller handles a rejection once `run` returns; until then it is not "unhandled".
    result.catch(() => undefined);
    for (;;) {
      await settle();
      if (done) return result;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) {
        await settle();
        if (done) return result;
        throw new Error("virtual clock: work is stuck with no timer pending");
      }
      this.time = Math.max(this.time, next.at);
      next.resolve();
    }
  }
}

/** Lets every queued promise callback run (several macrotask turns). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
