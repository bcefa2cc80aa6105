import { Sema } from 'async-sema';
import { busy } from '../errors';

/**
 * Admission for expensive requests: at most `inFlight` run at once and at most `queued` wait,
 * each no longer than `maxWaitMs`; the rest are refused with 503 and Retry-After. Cheap requests
 * never pass through here, so they keep their latency while heavy ones take turns.
 */
export class ExpensiveGate {
  private readonly sema: Sema;
  /** Requests waiting now. async-sema keeps a waiter that gave up in its queue until a turn frees, so it is counted here. */
  private waiting = 0;

  constructor(
    readonly inFlight: number,
    readonly queued: number,
    readonly maxWaitMs: number,
  ) {
    this.sema = new Sema(inFlight);
  }

  private retryAfter(): number {
    return Math.max(1, Math.ceil(this.maxWaitMs / 1000));
  }

  /** Waits for a turn (at most `waitMs`); resolves with the function that gives it back (call it exactly once). */
  async enter(waitMs = this.maxWaitMs): Promise<() => void> {
    const token = this.sema.tryAcquire();
    if (token !== undefined) return this.leaver(token);
    if (this.waiting >= this.queued || waitMs <= 0) {
      throw busy(`The service is running its limit of expensive requests and ${this.waiting} more are waiting; try again shortly, or ask for less.`, this.retryAfter());
    }
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const acquired = this.sema.acquire().then((t) => {
      // A turn that arrives after its request gave up is handed straight on.
      if (timedOut) this.sema.release(t);
      return t;
    });
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(busy(`This expensive request waited ${waitMs} ms for its turn and was not run; try again shortly, or ask for less.`, this.retryAfter()));
      }, waitMs);
    });
    this.waiting++;
    try {
      return this.leaver(await Promise.race([acquired, expired]));
    } finally {
      this.waiting--;
      clearTimeout(timer);
    }
  }

  private leaver(token: unknown): () => void {
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.sema.release(token);
    };
  }
}
