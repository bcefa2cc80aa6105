import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { LogSettings } from '../config';
import { newRequestTelemetry, type RequestTelemetry } from './request-scope';

export type { Logger } from 'pino';

/**
 * Secrets and article texts never reach a log line. The request line is built from an allow-list
 * (no headers, no query string, no variables), so these paths are the second line of defence: for
 * whatever else someone logs with a request, its headers or a GraphQL payload attached.
 */
export const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'password',
  'token',
  'variables',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'headers["x-api-key"]',
  '*.authorization',
  '*.cookie',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.variables',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  '*.headers["x-api-key"]',
  'body.variables',
  '*.body.variables',
];

/** Whether `settings.format` asks for human-readable lines on this terminal. */
export function prettyLogs(settings: LogSettings, stdoutIsTty = process.stdout.isTTY === true): boolean {
  return settings.format === 'pretty' || (settings.format === 'auto' && settings.development && stdoutIsTty);
}

/**
 * The process's logger: JSON lines on stdout (or `destination`), pretty ones in development on a
 * terminal. pino-pretty runs in this thread, as a stream: no worker, and nothing loaded for JSON.
 */
export function createLogger(settings: LogSettings, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: settings.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    base: { service: 'diplograph', pid: process.pid },
  };
  if (destination) return pino(options, destination);
  if (prettyLogs(settings)) {
    // Loaded only when asked for: production never needs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as typeof import('pino-pretty');
    return pino(options, pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service', sync: true }));
  }
  return pino(options);
}

/** A logger that writes nothing, for apps built without one (most tests). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** A client's request id is kept only when it is short and plain, so it cannot forge log fields or flood them. */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

/** Probes and scrapes answer every few seconds: a line each would drown the requests that matter. */
const UNLOGGED = new Set(['/health', '/livez', '/ready', '/readyz', '/metrics']);

function pathOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0]!;
  return path.length > 200 ? `${path.slice(0, 200)}...` : path;
}

/** What an answer says about how the request went, when no GraphQL layer recorded it (refused before Apollo). */
export function outcomeOf(telemetry: RequestTelemetry | undefined, status: number): string {
  if (telemetry?.outcome) return telemetry.outcome;
  if (status < 400) return 'ok';
  switch (status) {
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 413:
    case 400:
      return 'BAD_REQUEST';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    case 504:
      return 'REQUEST_TIMEOUT';
    default:
      return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
  }
}

function requestLine(req: IncomingMessage, res: ServerResponse, responseTime: number) {
  const telemetry = (res as ServerResponse & { locals?: { telemetry?: RequestTelemetry } }).locals?.telemetry;
  return {
    method: req.method,
    // Express rewrites req.url inside a mounted route; originalUrl is what the client asked for.
    path: pathOf((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url),
    status: res.statusCode,
    ...(telemetry?.operation !== undefined ? { operation: telemetry.operation } : {}),
    ...(telemetry?.cost !== undefined ? { cost: telemetry.cost } : {}),
    cypher: telemetry?.statements ?? 0,
    outcome: outcomeOf(telemetry, res.statusCode),
    durationMs: responseTime,
    ...(telemetry?.traceId ? { traceId: telemetry.traceId } : {}),
  };
}

/**
 * One line per request once it is answered (or its connection closed): id, method, path, status,
 * operation, cost, Cypher statements, outcome and duration. It also gives every request its id
 * (echoed in `x-request-id`) and its telemetry holder (`res.locals.telemetry`).
 */
export function requestLogging(logger: Logger) {
  return pinoHttp<IncomingMessage, ServerResponse>({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'reqId', responseTime: 'durationMs' },
    genReqId: (req, res) => {
      const id = requestIdFrom(req.headers['x-request-id']);
      res.setHeader('x-request-id', id);
      const telemetry = newRequestTelemetry(id);
      const locals = ((res as ServerResponse & { locals?: Record<string, unknown> }).locals ??= {});
      locals.telemetry = telemetry;
      return id;
    },
    autoLogging: { ignore: (req) => UNLOGGED.has(pathOf(req.url)) },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, val: { durationMs: number }) => requestLine(req, res, val.durationMs),
    customErrorObject: (req, res, _error, val: { durationMs: number }) => requestLine(req, res, val.durationMs),
  });
}
