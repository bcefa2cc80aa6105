import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { HttpCacheSettings } from '../config';
import type { Context } from '../context';
import { audienceOf, deploymentTag, entityTag, matches, requestedTags } from './etag';

/** A shared cache may store an anonymous answer but must ask again before every use. */
export const PUBLIC_REVALIDATE = 'public, max-age=0, must-revalidate';
/** An answer to a token holder: only the caller's own cache may keep it, and only to revalidate it. */
export const PRIVATE_REVALIDATE = 'private, no-cache';
/** Mutations, errors, and anything without an entity tag. */
export const NO_STORE = 'no-store';

/**
 * ETags and 304s for query answers, derived from the graph version (the last audit number).
 *
 * Why a 304 can never be stale: the version is read before the operation runs, so an answer is at
 * least as new as its tag's version; and a 304 is only given after reading the version afresh and
 * finding it equal to the tag's, i.e. nothing committed since (revalidations arriving together share
 * one read of the version, one that began after each of them arrived: GraphVersionRepository). An answer tagged with a version read
 * a little earlier (`versionMaxAgeMs`) is still at least that new, so a tag can lag its answer, which
 * costs one needless 200 later, never a stale 304.
 *
 * Runs after the limits (cost, rate budget, turns) in the pipeline, so a persisted or revalidated
 * query is weighed and paid for like any other; a 304 skips only execution.
 */
export function httpCachePlugin(settings: Pick<HttpCacheSettings, 'etags' | 'versionMaxAgeMs'>): ApolloServerPlugin<Context> {
  let recent: { version: number; at: number } | undefined;
  return {
    async requestDidStart() {
      if (!settings.etags) {
        return {
          async willSendResponse({ response }) {
            response.http.headers.set('cache-control', NO_STORE);
          },
        };
      }
      let etag: string | undefined;
      let notModified = false;
      return {
        async responseForOperation({ operation, queryHash, operationName, request, contextValue, schema }) {
          if (operation?.operation !== 'query' || !queryHash) return null;
          const requested = requestedTags(request.http?.headers.get('if-none-match'));
          let version: number;
          const now = performance.now();
          if (requested.length === 0 && recent && now - recent.at < settings.versionMaxAgeMs) {
            version = recent.version;
          } else {
            try {
              version = await contextValue.repositories.graphVersion.current();
            } catch {
              // Without a version there is no tag; the operation itself says what is wrong with the graph.
              return null;
            }
            if (!recent || version >= recent.version) recent = { version, at: now };
          }
          etag = entityTag({ deployment: deploymentTag(schema), version, queryHash, operationName, variables: request.variables, audience: audienceOf(contextValue.actor) });
          if (!matches(etag, requested)) return null;
          notModified = true;
          return { http: { status: 304, headers: new HeaderMap() }, body: { kind: 'single', singleResult: {} } };
        },
        async willSendResponse({ response, operation, contextValue }) {
          const headers = response.http.headers;
          const answered =
            notModified ||
            (response.body.kind === 'single' && !response.body.singleResult.errors?.length && (response.http.status ?? 200) === 200);
          if (etag && answered && operation?.operation === 'query') {
            headers.set('etag', etag);
            headers.set('cache-control', contextValue.actor ? PRIVATE_REVALIDATE : PUBLIC_REVALIDATE);
          } else {
            headers.set('cache-control', NO_STORE);
          }
        },
      };
    },
  };
}
