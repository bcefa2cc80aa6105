import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Graph } from '../graph/graph';
import { ErrorCode } from '../errors';
import { outcomeOf } from './logger';
import type { RequestTelemetry } from './request-scope';

/** Operation names are the client's choice: past this many distinct ones, new names count as `other`. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
/** Outcomes are error codes the service itself sets, so few; anything else is `error`. */
const OUTCOME = /^(ok|[A-Z][A-Z0-9_]{0,47})$/;

/**
 * Outcomes that are not refusals: NOT_FOUND is an answer, INTERNAL_SERVER_ERROR a failure of the
 * service's own. Every other error code (limits, credentials, malformed requests) is a rejection.
 */
const NOT_REJECTIONS = new Set<string>(['ok', ErrorCode.NOT_FOUND, ErrorCode.INTERNAL_SERVER_ERROR, 'error']);

export interface Metrics {
  readonly registry: Registry;
  /** Records one answered /graphql request. */
  observeRequest(telemetry: RequestTelemetry | undefined, status: number, seconds: number): void;
  /** Records one Cypher statement's time (`query` is its file's name). */
  observeQuery(query: string, seconds: number, ok: boolean): void;
  /** Where the number of open subscriptions is read from when the metrics are scraped. */
  watchSubscriptions(open: () => number): void;
  /** Records one event handed to a subscriber (`field`: the subscription field). */
  observeDelivery(field: string): void;
}

/**
 * The connections of the driver's pool, in use and idle. neo4j-driver 6 publishes no pool figures,
 * so these are read from its internals, defensively: a driver whose internals differ yields none.
 */
function poolConnections(graph: Graph): { inUse: number; idle: number } | undefined {
  try {
    const pool = (graph.driver as unknown as { _connectionProvider?: { _connectionPool?: { _pools?: Record<string, { _elements?: unknown[]; _elementsInUse?: Set<unknown> }> } } })
      ._connectionProvider?._connectionPool?._pools;
    if (!pool) return undefined;
    let inUse = 0;
    let idle = 0;
    for (const single of Object.values(pool)) {
      if (!Array.isArray(single._elements) || !(single._elementsInUse instanceof Set)) return undefined;
      idle += single._elements.length;
      inUse += single._elementsInUse.size;
    }
    return { inUse, idle };
  } catch {
    return undefined;
  }
}

/**
 * One app's metrics, in a registry of its own (several apps in one process, as in the tests, do not
 * mix theirs): GraphQL requests by operation and outcome, their latency and cost, rejections by
 * reason, Cypher statements' latency by query name, the Neo4j sessions and pool, and the process's
 * own figures (prom-client's defaults).
 */
export function createMetrics(graph?: Graph, options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });
  const operations = new Set<string>();
  const requests = new Counter({
    name: 'diplograph_graphql_requests_total',
    help: 'GraphQL requests answered, by operation name and outcome (ok or the error code).',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'diplograph_graphql_request_duration_seconds',
    help: 'Time from a GraphQL request arriving to its answer being sent, by operation name and outcome.',
    labelNames: ['operation', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const cost = new Histogram({
    name: 'diplograph_graphql_query_cost',
    help: 'The cost of GraphQL operations (the most values they could return), by operation name.',
    labelNames: ['operation'],
    buckets: [1, 10, 100, 1_000, 10_000, 50_000, 100_000, 250_000, 500_000, 1_000_000],
    registers: [registry],
  });
  const rejected = new Counter({
    name: 'diplograph_graphql_rejected_requests_total',
    help: 'GraphQL requests refused, by reason (the error code: COST_LIMIT_EXCEEDED, RATE_LIMITED, UNAUTHENTICATED, REQUEST_TIMEOUT, ...).',
    labelNames: ['reason'],
    registers: [registry],
  });
  const queries = new Histogram({
    name: 'diplograph_neo4j_query_duration_seconds',
    help: 'Time of each named Cypher statement, by query name and outcome (ok or error).',
    labelNames: ['query', 'outcome'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
    registers: [registry],
  });
  if (graph) {
    new Gauge({
      name: 'diplograph_neo4j_sessions_open',
      help: 'Neo4j sessions this service has open (each holds at most one pooled connection while it runs).',
      registers: [registry],
      collect() {
        this.set(graph.openSessions);
      },
    });
    new Gauge({
      name: 'diplograph_neo4j_pool_connections',
      help: "The Neo4j driver's pooled connections, in use and idle (read from the driver's internals; absent if they cannot be read).",
      labelNames: ['state'],
      registers: [registry],
      collect() {
        this.reset();
        const pool = poolConnections(graph);
        if (!pool) return;
        this.set({ state: 'in_use' }, pool.inUse);
        this.set({ state: 'idle' }, pool.idle);
      },
    });
  }

  let openSubscriptions: (() => number) | undefined;
  new Gauge({
    name: 'diplograph_subscriptions_open',
    help: 'GraphQL subscriptions open over WebSocket on this instance.',
    registers: [registry],
    collect() {
      this.set(openSubscriptions?.() ?? 0);
    },
  });
  const delivered = new Counter({
    name: 'diplograph_subscription_events_delivered_total',
    help: 'Subscription events handed to subscribers, by subscription field.',
    labelNames: ['subscription'],
    registers: [registry],
  });

  const operationLabel = (name: string | undefined): string => {
    if (name === undefined) return 'unknown';
    if (name === 'anonymous' || operations.has(name)) return name;
    if (!OPERATION_NAME.test(name) || operations.size >= MAX_OPERATION_NAMES) return 'other';
    operations.add(name);
    return name;
  };

  return {
    registry,
    observeRequest(telemetry, status, seconds) {
      const operation = operationLabel(telemetry?.operation);
      const raw = outcomeOf(telemetry, status);
      const outcome = OUTCOME.test(raw) ? raw : 'error';
      requests.inc({ operation, outcome });
      duration.observe({ operation, outcome }, seconds);
      if (telemetry?.cost !== undefined) cost.observe({ operation }, telemetry.cost);
      if (!NOT_REJECTIONS.has(outcome)) rejected.inc({ reason: outcome });
    },
    observeQuery(query, seconds, ok) {
      queries.observe({ query, outcome: ok ? 'ok' : 'error' }, seconds);
    },
    watchSubscriptions(open) {
      openSubscriptions = open;
    },
    observeDelivery(field) {
      delivered.inc({ subscription: field });
    },
  };
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * GET /metrics in the Prometheus text format, for the main app or a port of its own. With a
 * `token`, only `Authorization: Bearer <token>` gets them (401 otherwise, the same for every miss).
 */
export function metricsHandler(metrics: Metrics, token?: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (token !== undefined) {
      const header = req.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      if (!sameSecret(given, token)) {
        res.statusCode = 401;
        res.setHeader('www-authenticate', 'Bearer');
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end('Metrics need a bearer token.\n');
        return;
      }
    }
    metrics.registry.metrics().then(
      (text) => {
        res.statusCode = 200;
        res.setHeader('content-type', metrics.registry.contentType);
        res.setHeader('cache-control', 'no-store');
        res.end(text);
      },
      () => {
        res.statusCode = 500;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end('Metrics could not be collected.\n');
      },
    );
  };
}

/** A server of its own for METRICS_PORT: /metrics and nothing else. */
export function metricsOnlyHandler(metrics: Metrics, token?: string) {
  const serve = metricsHandler(metrics, token);
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/metrics' && (req.method === 'GET' || req.method === 'HEAD')) return serve(req, res);
    res.statusCode = 404;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end('Not found. Metrics are at /metrics.\n');
  };
}

/**
 * Records every /graphql request once it is answered (or its connection closed), from its
 * telemetry. Requests that neither reached an operation nor were refused (CORS preflights, the
 * playground page) are not GraphQL requests and are not counted.
 */
export function observeRequests(metrics: Metrics) {
  return (req: IncomingMessage, res: ServerResponse & { locals?: Record<string, unknown> }, next: () => void): void => {
    if (!(req.url ?? '').startsWith('/graphql')) return next();
    const started = performance.now();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const telemetry = res.locals?.telemetry as RequestTelemetry | undefined;
      if (telemetry?.operation === undefined && res.statusCode < 400) return;
      metrics.observeRequest(telemetry, res.statusCode, (performance.now() - started) / 1000);
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
}
