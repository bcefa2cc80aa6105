import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Neo4jError } from 'neo4j-driver';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

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
