import type { GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { execute, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * An experiment (EXECUTOR=jit): operations compiled by graphql-jit, through Apollo's gateway
 * interface; graphql-js runs what JIT cannot compile. Apollo still parses, validates, runs the
 * plugins and wraps the schema's resolvers for willResolveField, so the limits count the same values.
 */
export function jitGateway(schema: GraphQLSchema, maxCompiled = 1_000): GatewayInterface {
  // null: JIT refused the operation; graphql-js runs it.
  const compiled = new Map<string, CompiledQuery | null>();
  let announce: GatewaySchemaLoadOrUpdateCallback | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      announce = callback;
      return () => (announce = undefined);
    },
    async load() {
      announce?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return {
        executor: async (request) => {
          const key = `${request.queryHash}\0${request.operationName ?? ''}`;
          let query = compiled.get(key);
          if (query === undefined) {
            const made = compileQuery(request.schema, request.document, request.operationName ?? undefined);
            query = isCompiledQuery(made) ? made : null;
            if (compiled.size >= maxCompiled) compiled.delete(compiled.keys().next().value!);
            compiled.set(key, query);
          }
          if (!query) {
            return execute({ schema: request.schema, document: request.document, contextValue: request.context, variableValues: request.request.variables, operationName: request.operationName });
          }
          return query.query(undefined, request.context, request.request.variables ?? {});
        },
      };
    },
    async stop() {},
  };
}
