import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import { authenticate } from './auth';
import { jwtVerifier } from './auth/jwt';
import { loadConfig, type Config } from './config';
import { createContext, type Context } from './context';
import type { Graph } from './graph/graph';
import type { Repositories } from './graph/repositories';
import { withDeadline } from './limits/deadline';
import { clientOf, type RateLimits } from './limits/rate';
import { DASHBOARD_HTML, PLAYGROUND_HTML, readmeExamples, WEB_DIST } from './pages';
import { requestLogging, silentLogger, type Logger } from './telemetry/logger';
import { createMetrics, metricsHandler, observeRequests, type Metrics } from './telemetry/metrics';
import { withRequestTelemetry, type RequestTelemetry } from './telemetry/request-scope';
import { currentTraceId } from './telemetry/tracing';

export interface AppDeps {
  /** Started Apollo server. */
  server: ApolloServer<Context>;
  repositories: Repositories;
  graph: Graph;
  auth: Config['auth'];
  /** Origins allowed to call /graphql from a browser; empty means any. */
  corsOrigins?: string[];
  /** Serve the browser pages: the offline playground at GET /graphql (browsers) and /, the dashboard at /dashboard. */
  playground?: boolean;
  /** Wall clock for one request (Neo4j transactions get what is left of it); REQUEST_TIMEOUT_MS by default. */
  requestTimeoutMs?: number;
  /** Budgets of cost units per client and window (RATE_LIMIT_*); none: no rate limit. */
  rates?: RateLimits | null;
  /** Express's `trust proxy` (TRUST_PROXY): which X-Forwarded-For hops name the client's address. */
  trustProxy?: boolean | number | string;
  /** Where each request's line goes; without one, requests are not logged. */
  logger?: Logger;
  /** This app's metrics; made for it (a registry of its own) when not given; null: none (METRICS=false). */
  metrics?: Metrics | null;
  /** Whether this app answers /metrics, and the bearer token it then wants; METRICS_* by default. */
  metricsRoute?: Pick<Config['metrics'], 'onMainPort' | 'token'>;
}

/**
 * The HTTP surface: GraphQL at /graphql, liveness at /health (and /livez), readiness (Neo4j
 * reachable) at /ready (and /readyz), Prometheus metrics at /metrics unless they are served elsewhere
 * or off. Every request gets an id (`x-request-id`) and one log line. Malformed or oversized bodies get a JSON error, never an HTML page or a stack trace.
 */
export function createApp({ server, repositories, graph, auth, corsOrigins = [], playground = false, requestTimeoutMs = loadConfig().limits.requestTimeoutMs, rates, trustProxy, logger, metrics, metricsRoute = loadConfig().metrics }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Express would tag every body it sends, mutations and errors included; query answers get the graph-version ETags of src/caching.
  app.set('etag', false);
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  const measures = metrics === null ? undefined : (metrics ?? createMetrics(graph));
  app.use(requestLogging(logger ?? silentLogger()));
  if (measures) app.use(observeRequests(measures));
  if (measures && metricsRoute.onMainPort) app.get('/metrics', metricsHandler(measures, metricsRoute.token));
  // One verifier per app: it caches the identity provider's keys.
  const jwt = auth.jwt ? jwtVerifier(auth.jwt) : null;
  app.get(['/health', '/livez'], (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get(['/ready', '/readyz'], async (_req, res) => {
    const ready = await graph.ping();
    res.status(ready ? 200 : 503).json(ready ? { status: 'ready' } : { status: 'unavailable', reason: 'The graph database is not reachable.' });
  });
  if (playground) {
    const examples = readmeExamples();
    app.get('/', (_req, res) => res.redirect('/graphql'));
    app.use('/playground', express.static(WEB_DIST, { index: false, maxAge: '1h' }));
    app.get('/dashboard', (_req, res) => {
      res.type('html').send(DASHBOARD_HTML);
    });
    app.get('/playground/examples.json', (_req, res) => {
      res.json(examples);
    });
    // A browser asking for /graphql (HTML, no query) gets the playground; API clients get GraphQL.
    app.get('/graphql', (req, res, next) => {
      if (req.query.query === undefined && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html') {
        res.type('html').send(PLAYGROUND_HTML);
      } else next();
    });
  }
  app.use(
    '/graphql',
    (_req, res, next) => {
      res.locals.deadline = Date.now() + requestTimeoutMs;
      next();
    },
    // Dashboards on other origins may call the API; credentials travel as bearer tokens, never cookies.
    cors({ origin: corsOrigins.length === 0 ? '*' : corsOrigins, allowedHeaders: ['content-type', 'authorization'], maxAge: 600 }),
    express.json({ limit: '256kb' }),
    // Entered after the body parser: its stream callbacks would not carry the request's async context.
    (_req, res, next) => withDeadline(res.locals.deadline as number, next),
    (req, res, next) => {
      const telemetry = res.locals.telemetry as RequestTelemetry;
      telemetry.log = req.log;
      telemetry.observeQuery = measures?.observeQuery;
      telemetry.traceId = currentTraceId();
      withRequestTelemetry(telemetry, next);
    },
    // Answers differ by caller (an editor sees the review queue) and by media type: a shared cache must key on both.
    (_req, res, next) => {
      res.vary('Authorization').vary('Accept');
      next();
    },
    expressMiddleware(server, { context: async ({ req }) => withRate(createContext(repositories, await authenticate(req.headers.authorization, auth, jwt)), rates, req) }),
  );
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    const message = error.type === 'entity.too.large' ? 'The request body is larger than 256 kB.' : status < 500 ? 'The request body is not valid JSON.' : 'Internal server error';
    res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
  });
  return app;
}

/** Which budget a request spends (clientOf). */
function withRate(context: Context, rates: RateLimits | null | undefined, req: Request): Context {
  if (!rates) return context;
  context.rate = { client: clientOf(context.actor, req.ip ?? req.socket.remoteAddress), limits: rates };
  return context;
}
