import type http from 'node:http';
import { ErrorCode } from './errors';

/** Seconds a client refused during a stop is told to wait: long enough for a replacement to be listening. */
const RETRY_AFTER_S = 5;

export interface Drain {
  /** Requests accepted and not yet answered. */
  readonly inFlight: number;
  /**
   * Stops listening and closes idle connections at once; a request that still arrives on an open
   * connection gets 503 with `Connection: close`. Accepted requests run until they are answered
   * or `deadline` (epoch ms) passes; then every connection is closed. Resolves with how many
   * requests were cut off at the deadline.
   */
  drain(deadline: number): Promise<{ cut: number }>;
}

/**
 * Serves `app` on `httpServer`, counting each request from its arrival until its response has
 * finished or its connection closed, so that a stop can wait for exactly those.
 */
export function serveDrainable(httpServer: http.Server, app: http.RequestListener): Drain {
  let inFlight = 0;
  let draining = false;
  let settled: (() => void) | undefined;

  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    inFlight++;
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      inFlight--;
      settled?.();
    };
    res.once('finish', finished);
    res.once('close', finished);
    if (draining) refuse(req, res);
    else app(req, res);
  });

  return {
    get inFlight() {
      return inFlight;
    },
    drain(deadline: number) {
      draining = true;
      httpServer.close();
      // Node's close() does this too (since 19); said here because the drain relies on it.
      httpServer.closeIdleConnections();
      return new Promise((resolve) => {
        const finish = () => {
          clearTimeout(timer);
          settled = undefined;
          const cut = inFlight;
          // Kept-alive connections stayed open so that late requests got a 503 rather than a reset.
          httpServer.closeAllConnections();
          resolve({ cut });
        };
        const timer = setTimeout(finish, Math.max(0, deadline - Date.now()));
        settled = () => {
          if (inFlight === 0) finish();
        };
        settled();
      });
    },
  };
}

function refuse(req: http.IncomingMessage, res: http.ServerResponse): void {
  const body = JSON.stringify({
    errors: [{ message: 'The service is shutting down and did not run this request; send it again shortly.', extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }],
  });
  // Read (and drop) any body, so that closing the connection cannot reset it before the client has the answer.
  req.resume();
  res.writeHead(503, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'retry-after': String(RETRY_AFTER_S),
    connection: 'close',
  });
  res.end(body);
}

/** When each step of a stop must be over, in ms from the signal. */
export interface ShutdownBudget {
  /** Accepted requests run until then; the rest are cut off. */
  drainMs: number;
  /** The local Neo4j gets SIGKILL then if SIGTERM has not stopped it. */
  neo4jKillMs: number;
  /** The process exits then, whatever is still running. */
  exitMs: number;
}

/**
 * Splits the grace: Neo4j's own stop (when this process runs it) gets a reserve at the end, so
 * that draining requests cannot eat the time a clean Neo4j shutdown needs; Apollo and the driver
 * close in well under the half second left between the two.
 */
export function shutdownBudget(graceMs: number, stopsNeo4j: boolean): ShutdownBudget {
  const exitMs = Math.max(0, graceMs - 100);
  const neo4jKillMs = Math.max(0, graceMs - 600);
  const neo4jReserve = stopsNeo4j ? Math.min(10_000, Math.max(1_500, graceMs * 0.3)) : 0;
  return { drainMs: Math.max(0, neo4jKillMs - neo4jReserve - 500), neo4jKillMs, exitMs };
}

/** `work`, or nothing once `deadline` (epoch ms) has passed; its failure is not the caller's concern. */
export async function until(deadline: number, work: Promise<unknown> | undefined): Promise<void> {
  if (!work) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    work.catch(() => undefined),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now())))),
  ]);
  clearTimeout(timer);
}
