import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, GraphQLError } from 'graphql';
import type { Limits } from '../config';
import type { Context } from '../context';
import { ErrorCode, requestTimeout, responseTooLarge } from '../errors';
import { weigh } from './cost';
import { ExpensiveGate } from './gate';
import { rateLimitHeaders, type Allowance } from './rate';
import { noteCost } from '../telemetry/request-scope';

/** What one resolved value adds to the answer's JSON, roughly: its key, quotes and separators, and a scalar's (or a list of scalars') text. */
function approximateBytes(key: string, value: unknown): number {
  if (typeof value === 'string') return key.length + value.length + 6;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + (typeof v === 'string' ? v.length + 3 : 8), key.length + 6);
  return key.length + 8;
}

/**
 * Every request's limits, enforced in order:
 * 1. cost: the most values the operation can return (list bounds multiplied down the tree, from
 *    `@listSize` in the schema) must be at most `maxCost`, checked before any resolver runs;
 * 2. rate: the client (token holder, or address when anonymous) spends that cost from its budget for
 *    the window (429 RATE_LIMITED with Retry-After when it is spent);
 * 3. admission: an operation costing `expensiveCost` or more waits for one of a few turns (503 when the queue is full);
 * 4. budget: while it runs, the values it resolves, the approximate bytes of its answer and its wall
 *    clock are counted, and it is stopped with a coded error the moment one runs out.
 */
export function limitsPlugin(
  limits: Limits,
  gate = new ExpensiveGate(limits.maxExpensiveInFlight, limits.maxExpensiveQueued, limits.maxQueueWaitMs),
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const deadline = Date.now() + limits.requestTimeoutMs;
      let values = 0;
      let bytes = 0;
      let stopped: GraphQLError | undefined;
      let entering: Promise<() => void> | undefined;
      let allowance: Allowance | undefined;
      const stop = (error: GraphQLError): never => {
        stopped ??= error;
        throw stopped;
      };
      const count = (key: string) => (error: Error | null, result?: unknown) => {
        if (stopped) return;
        if (error) {
          if (Date.now() > deadline) stopped = requestTimeout(limits.requestTimeoutMs);
          return;
        }
        bytes += approximateBytes(key, result);
        if (bytes > limits.maxResponseBytes) stopped = responseTooLarge('bytes', limits.maxResponseBytes);
      };
      return {
        async didResolveOperation({ document, request, operation, operationName, schema, contextValue }) {
          // Variables that do not fit the operation are refused by execution itself, before any resolver runs.
          if (operation && getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}).errors) return;
          const weighed = weigh(schema, document, request.variables, operationName ?? undefined, limits.maxCost);
          // Recorded before the check: a refused request's log line says how far over it was.
          if (weighed.cost !== null) noteCost(weighed.cost);
          if (weighed.refusal) throw weighed.refusal;
          const { cost } = weighed;
          // The client's budget pays for what the query can return, before it waits for a turn or runs.
          const rate = contextValue.rate;
          if (rate) allowance = await rate.limits.spend(rate.client, cost);
          if (cost >= limits.expensiveCost) {
            entering = gate.enter(Math.min(limits.maxQueueWaitMs, deadline - Date.now()));
            await entering;
            contextValue.work.paced = true;
          }
          if (Date.now() > deadline) stop(requestTimeout(limits.requestTimeoutMs));
        },
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              if (stopped) throw stopped;
              values += 1;
              if (values > limits.maxResponseValues) stop(responseTooLarge('values', limits.maxResponseValues));
              if ((values & 63) === 0 && Date.now() > deadline) stop(requestTimeout(limits.requestTimeoutMs));
              return count(info.fieldName);
            },
          };
        },
        async willSendResponse({ response }) {
          // The turn is given back however the request ended, even while it was still being granted.
          entering?.then(
            (leave) => leave(),
            () => undefined,
          );
          entering = undefined;
          if (allowance) for (const [name, value] of rateLimitHeaders(allowance)) response.http.headers.set(name, value);
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          // A field that ran out of time in the graph database (its transaction timeout, or the deadline) stops the whole answer.
          const timedOut = stopped ? undefined : result.errors?.find((e) => e.extensions?.code === ErrorCode.REQUEST_TIMEOUT);
          if (timedOut) {
            response.body.singleResult = { data: null, errors: [timedOut] };
            response.http.status = 504;
          }
          // A stopped request answers with its reason alone, not with a partial tree.
          if (stopped) {
            const { http, ...extensions } = stopped.extensions as Record<string, unknown> & { http?: { status?: number } };
            response.body.singleResult = { data: null, errors: [{ message: stopped.message, extensions }] };
            if (http?.status) response.http.status = http.status;
          }
        },
      };
    },
  };
}
