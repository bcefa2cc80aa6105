import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { loadFilesSync } from '@graphql-tools/load-files';
import { mergeTypeDefs } from '@graphql-tools/merge';
import { PROJECT_ROOT } from './config';
import type { Context } from './context';
import { formatError } from './errors';
import { resolvers } from './resolvers';

export const typeDefs = mergeTypeDefs(loadFilesSync(path.join(PROJECT_ROOT, 'schema'), { extensions: ['graphql'], recursive: true }));

export interface ServerDeps {
  /** Where unexpected errors are reported (they reach clients only as a generic message). */
  logError?: (error: unknown) => void;
}

/** The Apollo server that `npm start` serves and the tests query. It does not listen. */
export function createServer(deps: ServerDeps = {}): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs,
    resolvers,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    formatError: (formatted, error) => formatError(formatted, error, deps.logError),
  });
}
