/**
 * One virtual clock for both ends of an HTTP test: the emulator reads its time (`clock`) and the
 * adapter waits on it (`now`, `sleep`). Time moves only when nothing can happen without it: no
 * promise is ready, no HTTP request is in flight (counted by wrapping the global `fetch` the
 * official client uses), and then it jumps to the earliest pending sleep. So a ten-second
 * rate-limit window costs no real time, and the order of events is exactly what real time gives.
 */
export class SharedClock {
  private time: number;
  private timers: { at: number; seq: number; resolve: () => void }[] = [];
  private seq = 0;
  private inFlight = 0;

  /** `start`: the epoch milliseconds the clock starts at. */
  constructor(start: number) {
    this.time = start;
  }

  now = (): number => this.time;

  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, resolve });
    });

  /** Drives `work` with the global `fetch` counted, firing sleeps in time order whenever all is idle. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const original = globalThis.fetch;
    globalThis.fetch = (async (...args: Parameters<typeof fetch>) => {
      this.inFlight++;
      try {
        const response = await original(...args);
        // The body is read after fetch resolves: keep counting until it has been consumed.
        const bytes = await response.arrayBuffer();
        const empty = [101, 204, 205, 304].includes(response.status);
        const buffered = new Response(empty ? null : bytes, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
        return buffered;
      } finally {
        this.inFlight--;
      }
    }) as typeof fetch;
    try {
      let done = false;
      const result = work().finally(() => {
        done = true;
      });
      result.catch(() => undefined);
      for (;;) {
        await settle();
        if (done) return await result;
        if (this.inFlight > 0) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          continue;
        }
        this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = this.timers.shift();
        if (!next) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          continue;
        }
        this.time = Math.max(this.time, next.at);
        next.resolve();
      }
    } finally {
      globalThis.fetch = original;
    }
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
