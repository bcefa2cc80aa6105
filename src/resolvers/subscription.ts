import { GraphQLError } from 'graphql';
import { requireToken } from '../auth';
import { createContext, type Context } from '../context';
import { badInput, ErrorCode } from '../errors';
import type { FactKind, Resolvers } from '../generated/graphql';
import { FeedGapError, isRecognitionImport, TOO_FAR_BEHIND, type FeedEvent, type SubscribeOptions } from '../subscriptions/feed';
import { countryCode, text } from './args';

/** The facts that move a state's standing on recognizing another (recognitionStatuses' status). */
const STANDING_KINDS = new Set<FactKind>(['RECOGNIZES', 'DOES_NOT_RECOGNIZE', 'WITHDRAWAL_CLAIMED']);

/** The most ids `involving` may list. */
const MAX_INVOLVING = 50;

async function stream(ctx: Context, options: Omit<SubscribeOptions, 'onOverflow'>): Promise<AsyncIterableIterator<FeedEvent>> {
  const access = ctx.feed;
  if (!access) throw new GraphQLError('Subscriptions are served over WebSocket at /graphql (the graphql-ws protocol).', { extensions: { code: ErrorCode.BAD_USER_INPUT } });
  if (options.since != null && options.since < 0) throw badInput('since must be a change number (change.seq) you received, 0 or more.', 'since');
  try {
    return await access.feed.subscribe({ ...options, onOverflow: (reason) => access.close(TOO_FAR_BEHIND, reason) });
  } catch (error) {
    if (error instanceof FeedGapError) throw badInput(error.message, 'since');
    throw error;
  }
}

/** A state code as the graph writes it; any other id as given. */
const involved = (id: string) => (/^[A-Za-z]{2}$/.test(id) ? id.toUpperCase() : text(id, 'involving', 200));

/**
 * Each event is resolved with loaders of its own: the connection's context lives as long as the
 * subscription, and an event must show the graph as it is when it arrives, not when the first one did.
 */
function fresh(event: FeedEvent, _args: unknown, ctx: Context): FeedEvent {
  ctx.loaders = createContext(ctx.repositories, ctx.actor).loaders;
  return event;
}

export const subscriptionResolvers: Resolvers = {
  Subscription: {
    factRecorded: {
      subscribe: async (_, { types, involving, since }, ctx) => {
        if (involving && (involving.length === 0 || involving.length > MAX_INVOLVING)) throw badInput(`involving takes 1 to ${MAX_INVOLVING} ids.`, 'involving');
        const kinds = types && types.length > 0 ? new Set<FactKind>(types) : null;
        const ids = involving ? new Set(involving.map(involved)) : null;
        return stream(ctx, {
          field: 'factRecorded',
          since,
          accepts: (e) =>
            e.kind !== null &&
            (!kinds || kinds.has(e.kind)) &&
            // An import may touch anything involved: it is delivered whatever `involving` names.
            (!ids || e.kind === 'IMPORT' || e.involves.some((id) => ids.has(id))),
        });
      },
      resolve: fresh,
    },
    recognitionChanged: {
      subscribe: async (_, { of, since }, ctx) => {
        const target = countryCode(of, 'of');
        return stream(ctx, {
          field: 'recognitionChanged',
          since,
          accepts: (e) => (e.kind !== null && STANDING_KINDS.has(e.kind) && (e.recognition?.recognized.code ?? e.involves[1]) === target) || isRecognitionImport(e),
        });
      },
      resolve: fresh,
    },
    candidateProposed: {
      subscribe: async (_, { since }, ctx) => {
        requireToken(ctx.actor, 'The review queue');
        return stream(ctx, { field: 'candidateProposed', since, accepts: (e) => e.mutation === 'ingestArticle' && e.candidates.length > 0 });
      },
      resolve: fresh,
    },
  },
  FactRecorded: {
    fact: (e) => e,
    change: (e) => e,
  },
  RecognitionChanged: {
    // The three recognition writes involve [the state acting, the state recognized, the fact].
    standing: async (e, _, ctx) => {
      if (e.kind === 'IMPORT') return null;
      const [country, of] = e.involves;
      const page = await ctx.repositories.countries.recognitionStatuses(of!, null, { country }, { skip: 0, limit: 1 });
      return page?.items[0] ?? null;
    },
    recognition: (e) => e.recognition,
    fact: (e) => e,
    change: (e) => e,
  },
  CandidatesProposed: {
    source: (e) => e.cited,
    candidates: (e) => e.candidates,
    change: (e) => e,
  },
  RecordedFact: {
    id: (e) => e.target,
    // Only fact entries reach a RecordedFact (the subscriptions' filters see to it).
    kind: (e) => e.kind!,
    involves: (e) => e.involves,
    before: (e) => e.before,
    after: (e) => e.after,
    sources: (e) => e.sources,
  },
  AuditEntry: {
    seq: (e) => e.seq,
    at: (e) => e.at,
    // Editors' names are editorial workspace (README): a subscriber without a token gets the fact, not who wrote it.
    actor: (e, _, ctx) => (ctx.actor ? e.actor : null),
    mutation: (e) => e.mutation,
  },
};
