import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { loadFilesSync } from '@graphql-tools/load-files';
import { mergeTypeDefs } from '@graphql-tools/merge';
import { httpCachePlugin } from './caching/plugin';
import { loadConfig, PROJECT_ROOT, type Config } from './config';
import type { Context } from './context';
import { formatError, withoutSuggestions } from './errors';
import { queryArmor } from './limits/armor';
import { ExpensiveGate } from './limits/gate';
import { paced } from './limits/pacing';
import { limitsPlugin } from './limits/plugin';
import { resolvers } from './resolvers';
import { selectedFields } from './resolvers/selection';
import { createLogger, type Logger } from './telemetry/logger';
import { telemetryPlugin } from './telemetry/plugin';
import { requestTelemetry } from './telemetry/request-scope';

export const typeDefs = mergeTypeDefs(loadFilesSync(path.join(PROJECT_ROOT, 'schema'), { extensions: ['graphql'], recursive: true }));

export interface ServerDeps {
  config?: Pick<Config, 'introspection' | 'limits' | 'production'> & Partial<Pick<Config, 'httpCache'>>;
  /** Where unexpected errors are reported (they reach clients only as a generic message); by default the logger. */
  logError?: (error: unknown) => void;
  /** The process's logger (LOG_LEVEL, LOG_FORMAT by default); a request's errors go to its own child, with the request id. */
  logger?: Logger;
  /** The turns for expensive requests (one per process); made from the limits when not given. */
  gate?: ExpensiveGate;
}

/** The Apollo server that `npm start` serves and the tests query. It does not listen. */
export function createServer(deps: ServerDeps = {}): ApolloServer<Context> {
  const config = deps.config ?? loadConfig();
  let logger = deps.logger;
  const logError =
    deps.logError ??
    ((error: unknown) => {
      const log = requestTelemetry()?.log ?? (logger ??= createLogger(loadConfig().logs));
      log.error({ err: error }, 'unexpected error');
    });
  // Depth, aliases and directives by graphql-armor; cost, admission and the per-request budget by limitsPlugin.
  const protection = queryArmor(config.limits);
  const plugins: ApolloServerPlugin<Context>[] = [...(protection.plugins as ApolloServerPlugin<Context>[]), limitsPlugin(config.limits, deps.gate)];
  // A query fetches only the lists it selects; mutations read back whole records.
  plugins.push({
    requestDidStart: async () => ({
      didResolveOperation: async ({ operation, document, schema, contextValue }) => {
        if (operation?.operation === 'query' && contextValue.selection) contextValue.selection.fields = selectedFields(schema, document);
      },
    }),
  });
  // After the limits: a revalidated or persisted query is weighed and paid for before its version is read.
  const caching = config.httpCache ?? loadConfig().httpCache;
  plugins.push(httpCachePlugin(caching));
  plugins.push(telemetryPlugin());
  // Our own offline playground replaces Apollo's landing page, which loads from a CDN.
  plugins.push(ApolloServerPluginLandingPageDisabled());
  // No cache hints are set, so Apollo's per-field cache-control bookkeeping is pure cost.
  plugins.push(ApolloServerPluginCacheControlDisabled());
  return new ApolloServer<Context>({
    typeDefs,
    resolvers: paced(resolvers),
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    // The process stops in its own order (src/lifecycle.ts): Apollo's own handlers would stop it at once on SIGTERM.
    stopOnTerminationSignals: false,
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: config.limits.maxTokens },
    plugins,
    // Bounded: anyone may register a query, so the cache is an LRU of a fixed size, not a store.
    persistedQueries: caching.persistedQueries.enabled ? { cache: new InMemoryLRUCache<string>({ maxSize: caching.persistedQueries.maxBytes }) } : false,
    formatError: (formatted, error) => {
      const out = formatError(formatted, error, logError);
      // With introspection off the schema is not to be read out of error messages either.
      return config.introspection ? out : withoutSuggestions(out);
    },
  });
}
