import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';

/**
 * What one HTTP request did, filled in by the layers it passes through (the GraphQL plugins, the
 * Neo4j boundary) and read once it is answered: by the request's log line and by the metrics.
 * It is also `res.locals.telemetry`, so HTTP middleware can reach it without the async context.
 */
export interface RequestTelemetry {
  /** The request id: the client's `x-request-id` when it sent a sane one, else generated. */
  id: string;
  /** The GraphQL operation's name once it is known; `anonymous` for an unnamed one. */
  operation?: string;
  /** The operation's cost (src/limits/cost.ts) once the limits have weighed it. */
  cost?: number;
  /** Cypher statements run for this request, retries included. */
  statements: number;
  /** `ok`, or the code of the error that decided the answer; unset until a layer knows it. */
  outcome?: string;
  /** The request's logger (its lines carry the request id). */
  log?: Logger;
  /** Where the Neo4j boundary reports each statement's time (the app's metrics). */
  observeQuery?: (query: string, seconds: number, ok: boolean) => void;
  /** The trace the request is part of, when tracing is on. */
  traceId?: string;
}

const current = new AsyncLocalStorage<RequestTelemetry>();

export function newRequestTelemetry(id: string): RequestTelemetry {
  return { id, statements: 0 };
}

/** Runs `work` (and everything it starts) as part of the request `telemetry` describes. */
export function withRequestTelemetry<T>(telemetry: RequestTelemetry, work: () => T): T {
  return current.run(telemetry, work);
}

/** The request being served, or undefined outside one (seeding, data set imports, in-process tests). */
export function requestTelemetry(): RequestTelemetry | undefined {
  return current.getStore();
}

/** Records the operation's cost on the request being served (no-op outside a request). */
export function noteCost(cost: number): void {
  const telemetry = current.getStore();
  if (telemetry) telemetry.cost = cost;
}
