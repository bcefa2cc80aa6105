import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import { requestTelemetry } from './request-scope';

/**
 * Tells the request's telemetry what GraphQL made of it: the operation's name once it is resolved,
 * and the outcome once the answer is ready (`ok`, or the first error's code). Requests refused
 * before Apollo (credentials, rate limits, malformed bodies) get their outcome from the HTTP status.
 */
export function telemetryPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const telemetry = requestTelemetry();
      if (!telemetry) return;
      return {
        async didResolveOperation({ operationName }) {
          telemetry.operation = operationName ?? 'anonymous';
        },
        async willSendResponse({ response, operationName }) {
          telemetry.operation ??= operationName ?? undefined;
          if (response.body.kind !== 'single') {
            telemetry.outcome ??= 'ok';
            return;
          }
          const errors = response.body.singleResult.errors;
          const code = errors?.[0]?.extensions?.code;
          telemetry.outcome = errors && errors.length > 0 ? (typeof code === 'string' ? code : 'error') : 'ok';
        },
      };
    },
  };
}
