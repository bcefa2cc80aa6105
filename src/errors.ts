import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Neo4jError } from 'neo4j-driver';
import { DeadlineExceeded } from './limits/deadline';
import { rateLimitHeaders } from './limits/rate';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  RATE_LIMITED: 'RATE_LIMITED',
} as const;

/** A query that could return more than the limit: refused before anything runs (HTTP 400). */
export function costLimitExceeded(cost: number | null, limit: number, reason?: string): GraphQLError {
  const what = cost === null ? `${reason ?? 'Its cost cannot be bounded'}` : `It could return up to ${cost.toLocaleString('en')} values`;
  return new GraphQLError(`This query is too expensive to run. ${what}; the limit is ${limit.toLocaleString('en')}. Ask for smaller pages (first) or fewer nested lists.`, {
    extensions: { code: ErrorCode.COST_LIMIT_EXCEEDED, cost, limit, http: { status: 400 } },
  });
}

/** A request that materialized more than its budget of values or bytes, stopped mid-way. */
export function responseTooLarge(budget: 'values' | 'bytes', limit: number): GraphQLError {
  return new GraphQLError(`The answer grew past ${limit.toLocaleString('en')} ${budget} and was stopped. Ask for smaller pages (first) or fewer fields.`, {
    extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, budget, limit },
  });
}

/** The request's wall clock ran out (HTTP 504). */
export function requestTimeout(limitMs: number): GraphQLError {
  return new GraphQLError(`The request took longer than ${limitMs} ms and was stopped. Ask for less, or try again later.`, {
    extensions: { code: ErrorCode.REQUEST_TIMEOUT, limitMs, http: { status: 504 } },
  });
}

/**
 * A client that has spent its budget of cost units for the window: HTTP 429 with Retry-After and the
 * RateLimit-* headers. `never` when the query alone costs more than the whole budget (waiting will not help).
 */
export function rateLimited(cost: number, allowance: { limit: number; remaining: number; resetS: number; windowS: number }, never = false): GraphQLError {
  const message = never
    ? `This query costs ${cost.toLocaleString('en')} units, more than the ${allowance.limit.toLocaleString('en')} this client may spend per ${allowance.windowS} s. Ask for smaller pages (first) or fewer nested lists, or use a token.`
    : `This client has spent its ${allowance.limit.toLocaleString('en')} cost units for the ${allowance.windowS} s window; this query needs ${cost.toLocaleString('en')}. Try again in ${allowance.resetS} s.`;
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.RATE_LIMITED,
      cost,
      limit: allowance.limit,
      retryAfter: allowance.resetS,
      http: { status: 429, headers: new Map(rateLimitHeaders(allowance, true)) },
    },
  });
}

/** The service is too busy to take this request now: HTTP 503 with Retry-After. */
export function busy(message: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.SERVICE_UNAVAILABLE,
      retryAfter: retryAfterSeconds,
      http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND } });
}

/** No or a bad credential: HTTP 401. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

/** A valid credential without the right: HTTP 403. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
}

/** Driver errors as something a client can act on, without driver internals. */
export function mapNeo4jError(error: Neo4jError): GraphQLFormattedError {
  const unavailable = ['ServiceUnavailable', 'SessionExpired'].includes(error.code) || error.code.startsWith('Neo.TransientError');
  if (unavailable) {
    return { message: 'The graph database is unavailable right now; try again shortly.', extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  if (error.code.includes('TransactionTimedOut')) {
    return { message: 'The request took too long in the graph database and was stopped. Ask for less, or try again later.', extensions: { code: ErrorCode.REQUEST_TIMEOUT } };
  }
  if (error.code === 'Neo.ClientError.Security.Unauthorized') {
    return { message: 'The service cannot sign in to its graph database.', extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  return { message: 'The graph database could not answer this request.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/**
 * Apollo's formatError: coded GraphQL errors pass through; driver errors are mapped; anything
 * else is logged here and reaches the client only as a generic internal error. No stack traces.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (e: unknown) => void = console.error): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  if (original instanceof DeadlineExceeded) {
    return { message: 'The request ran out of time waiting for the graph database and was stopped. Ask for less, or try again later.', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.REQUEST_TIMEOUT } };
  }
  if (original instanceof Neo4jError) {
    log(original);
    return { ...mapNeo4jError(original), locations: formatted.locations, path: formatted.path };
  }
  if (original instanceof GraphQLError || extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    return { ...formatted, extensions };
  }
  log(original);
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/**
 * The error without graphql-js's "Did you mean ...?" hints (fields, arguments, enum values, types),
 * so that a near miss and a random name get the same text.
 */
export function withoutSuggestions(error: GraphQLFormattedError): GraphQLFormattedError {
  const message = error.message.replace(/\s*Did you mean [^?]*\?/g, '');
  return message === error.message ? error : { ...error, message };
}
