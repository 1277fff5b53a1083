/** A scheduled run on the virtual clock. */
interface Timer {
  due: number;
  order: number;
  run: () => Promise<void>;
}

/**
 * Time for tests of code that takes `now` and `schedule` (setTimeout with a cancel): nothing runs
 * until the test moves the clock, and a run is awaited (with the Dexie work it starts) before the
 * next one, so a run of timers is the same every time for the same seed.
 */
export class VirtualClock {
  private timers: Timer[] = [];
  private order = 0;
  constructor(public time = 1_765_000_000_000) {}

  readonly now = (): number => this.time;

  readonly schedule = (run: () => Promise<void>, ms: number): (() => void) => {
    const timer: Timer = { due: this.time + ms, order: this.order++, run };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  };

  get pending(): number {
    return this.timers.length;
  }

  /** Moves `ms` on, running every timer that falls due on the way (and those they schedule), in time order. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (let next = await this.nextDue(end); next; next = await this.nextDue(end)) {
      this.timers = this.timers.filter((t) => t !== next);
      this.time = Math.max(this.time, next.due);
      await next.run();
    }
    this.time = end;
  }

  /** Runs until nothing is scheduled (at most `limitMs` of virtual time): every device has said all it had to say. */
  async settle(limitMs = 3 * 3_600_000): Promise<void> {
    const end = this.time + limitMs;
    for (let next = await this.nextDue(end); next; next = await this.nextDue(end)) await this.advance(next.due - this.time);
    if (this.timers.length > 0) throw new Error(`still ${this.timers.length} timers after ${limitMs} ms`);
  }

  /** The earliest timer due by `end`, once events already in flight (storage.onChanged) have been delivered. */
  private async nextDue(end: number): Promise<Timer | undefined> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return this.timers.filter((t) => t.due <= end).sort((a, b) => a.due - b.due || a.order - b.order)[0];
  }
}
