import type http from 'node:http';
import proxyaddr from 'proxy-addr';
import { queryArmor } from '../limits/armor';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLFormattedError, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { authenticate, type Actor } from '../auth';
import { jwtVerifier } from '../auth/jwt';
import type { Config, Limits } from '../config';
import { createContext, type Context } from '../context';
import { ErrorCode, formatError, withoutSuggestions } from '../errors';
import type { Graph } from '../graph/graph';
import { createRepositories } from '../graph/repositories';
import { weigh } from '../limits/cost';
import { paced } from '../limits/pacing';
import { clientOf, type Client, type RateLimits } from '../limits/rate';
import { resolvers } from '../resolvers';
import { typeDefs } from '../server';
import type { Logger } from '../telemetry/logger';
import type { Metrics } from '../telemetry/metrics';
import { ChangeFeed } from './feed';

export interface SubscriptionDeps {
  httpServer: http.Server;
  graph: Graph;
  config: Pick<Config, 'auth' | 'limits' | 'feed' | 'introspection'>;
  logger: Logger;
  metrics?: Metrics | null;
  /** The HTTP rate limits' budgets: subscribing spends the subscription's cost from the same budget a query would. */
  rates?: RateLimits | null;
  /** Express's `trust proxy` (TRUST_PROXY), to name an anonymous subscriber's address as HTTP does. */
  trustProxy?: boolean | number | string;
}

export interface Subscriptions {
  readonly feed: ChangeFeed;
  /** Closes every connection (1001, going away), ends the feed's reads and stops accepting upgrades. */
  dispose(): Promise<void>;
}

/** What a connection holds once its credentials are checked (graphql-ws keeps the socket and request beside it). */
type Identified = { actor: Actor | null; client: Client };

/** The caller's address as Express's `req.ip` names it under the same `trust proxy` setting. */
function addressOf(request: http.IncomingMessage, trust: boolean | number | string | undefined): string {
  if (trust === undefined || trust === false) return request.socket.remoteAddress ?? 'unknown';
  const trusted = trust === true ? () => true : typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : proxyaddr.compile(trust.split(',').map((t) => t.trim()));
  return proxyaddr(request, trusted);
}

/** Close codes past graphql-ws's own: refused credentials, and an identity provider that does not answer. */
const UNAUTHORIZED = 4401;
const TRY_AGAIN_LATER = 1013;

/** The query limits of src/server.ts (depth, aliases, directives) as plain validation rules. */
const limitRules = (limits: Limits): ValidationRule[] => queryArmor(limits).validationRules as ValidationRule[];

/** A close reason must fit in a WebSocket control frame (123 bytes). */
const reason = (text: string) => (Buffer.byteLength(text) <= 120 ? text : `${text.slice(0, 117)}...`);

const coded = (error: GraphQLError, code: string) => new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });

/**
 * GraphQL subscriptions over WebSocket (graphql-ws) on the HTTP server's /graphql: the same tokens
 * as HTTP (the connection's `authorization` parameter, checked once when it opens) and the same
 * query limits (a subscription's document is parsed within MAX_TOKENS, validated against depth and
 * aliases, and its event's selection weighed by the cost model, that cost spent from the caller's
 * rate budget when it subscribes). Only subscriptions: queries and mutations go over HTTP, where caching is.
 */
export function serveSubscriptions({ httpServer, graph, config, logger, metrics, rates, trustProxy }: SubscriptionDeps): Subscriptions {
  const schema = makeExecutableSchema<Context>({ typeDefs, resolvers: paced(resolvers) });
  const repositories = createRepositories(graph);
  const jwt = config.auth.jwt ? jwtVerifier(config.auth.jwt) : null;
  const feed = new ChangeFeed(graph, config.feed, {
    delivered: (field) => metrics?.observeDelivery(field),
    failed: (err) => logger.warn({ err }, 'The change feed could not read the audit trail; it tries again.'),
  });
  metrics?.watchSubscriptions(() => feed.open);
  const rules = [...specifiedRules, ...limitRules(config.limits)];
  const { maxCost, maxTokens } = config.limits;

  const wire = (error: GraphQLError): GraphQLFormattedError => {
    const formatted = error.toJSON();
    // Thrown by something other than the service's own coded errors: reaches the client as a generic one.
    const plain = formatted.extensions?.code === undefined ? { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } } : formatted;
    const shown = formatError(plain, error, (err) => logger.error({ err }, 'unexpected error in a subscription'));
    // The HTTP status an error carries means nothing on a WebSocket.
    const { http: _http, ...extensions } = shown.extensions ?? {};
    const out = { ...shown, extensions };
    return config.introspection ? out : withoutSuggestions(out);
  };

  const wss = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const server = useServer<Record<string, unknown>, Identified>(
    {
      schema,
      onConnect: async (ctx) => {
        const given = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        try {
          const actor = await authenticate(typeof given === 'string' ? given : undefined, config.auth, jwt);
          ctx.extra.actor = actor;
          // Whose budget a subscription spends: a token holder's, or the address's when anonymous (as over HTTP).
          ctx.extra.client = clientOf(actor, addressOf(ctx.extra.request, trustProxy));
          return true;
        } catch (error) {
          const unauthenticated = error instanceof GraphQLError && error.extensions.code === ErrorCode.UNAUTHENTICATED;
          // graphql-ws then closes with 4403 Forbidden; the first close, with the reason, is the one the client gets.
          ctx.extra.socket.close(unauthenticated ? UNAUTHORIZED : TRY_AGAIN_LATER, reason(error instanceof Error ? error.message : 'The credentials could not be checked.'));
          return false;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens });
        } catch (error) {
          return [coded(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length > 0) return invalid.map((e) => coded(e, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('Name the operation to run (operationName).', { extensions: { code: ErrorCode.BAD_USER_INPUT } })];
        if (operation.operation !== 'subscription') {
          return [new GraphQLError(`Over WebSocket only subscriptions are served; send a ${operation.operation} over HTTP (POST /graphql).`, { extensions: { code: ErrorCode.BAD_USER_INPUT } })];
        }
        const { cost, refusal } = weigh(schema, document, payload.variables ?? undefined, payload.operationName ?? undefined, maxCost);
        if (refusal) return [refusal];
        // Subscribing is paid for once, like the query it answers; the events pushed later cost nothing more.
        if (rates) {
          try {
            await rates.spend(ctx.extra.client ?? clientOf(null, addressOf(ctx.extra.request, trustProxy)), cost);
          } catch (error) {
            if (error instanceof GraphQLError) return [error];
            throw error;
          }
        }
        const socket = ctx.extra.socket;
        const contextValue: Context = {
          ...createContext(repositories, ctx.extra.actor ?? null),
          feed: { feed, close: (code, why) => socket.close(code, reason(why)) },
        };
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(wire) } as never : undefined),
      onError: (_ctx, _id, _payload, errors) => errors.map(wire) as never,
    },
    wss,
  );

  return {
    feed,
    async dispose() {
      await feed.close();
      await server.dispose();
    },
  };
}
