import type { FactKind } from '../generated/graphql';
import type { Graph } from '../graph/graph';
import { CandidateRepository, type CandidateRecord } from '../graph/repositories/candidates';
import { ChangeRepository, type ChangeEntry } from '../graph/repositories/changes';
import type { RecognitionRecord, SourceRecord } from '../graph/records';

/** How each instance reads the audit trail (FEED_* settings). */
export interface FeedSettings {
  /** Pause between two reads of the trail while someone listens and nothing new came. */
  pollMs: number;
  /** Entries read at once. */
  pageSize: number;
  /** The most missed entries a reconnect (`since`) may ask for. */
  replayMax: number;
  /** Events a subscriber may leave unread before it is closed. */
  queueMax: number;
}

/** WebSocket close code for a subscriber that fell too far behind (4000-4999: the application's). */
export const TOO_FAR_BEHIND = 4420;

/** One audit entry with what subscribers are sent, read once per instance whatever the number of subscribers. */
export interface FeedEvent extends ChangeEntry {
  /** What the change recorded; null for entries that are not facts (candidates proposed, reviewed). */
  kind: FactKind | null;
  /** The sources the fact rests on after the change, the cited one first. */
  sources: SourceRecord[];
  /** The source the change cites. */
  cited: SourceRecord | null;
  /** For a recognition, as it stands now. */
  recognition: RecognitionRecord | null;
  /** For an article read, the candidates new to it. */
  candidates: CandidateRecord[];
}

const KINDS: Record<string, FactKind> = {
  upsertCountry: 'COUNTRY',
  upsertOrganization: 'ORGANIZATION',
  upsertPerson: 'PERSON',
  recordRecognition: 'RECOGNIZES',
  endRecognition: 'RECOGNIZES',
  recordNonRecognition: 'DOES_NOT_RECOGNIZE',
  recordWithdrawalClaim: 'WITHDRAWAL_CLAIMED',
  recordDiplomaticRelations: 'HAS_DIPLOMATIC_RELATIONS_WITH',
  recordEmbassyEvent: 'OPENS_EMBASSY_IN',
  recordOffice: 'HOLDS_OFFICE',
  recordSupport: 'SUPPORTS',
  recordAgreement: 'AGREEMENT',
  importDataset: 'IMPORT',
};

/** The recognition tables' data sets are named recognition-<file> (src/datasets/recognition.ts). */
export const isRecognitionImport = (e: FeedEvent) => e.kind === 'IMPORT' && e.target.startsWith('recognition-');

function sourceIdsOf(entry: ChangeEntry): string[] {
  const ids = entry.source ? [entry.source] : [];
  try {
    const after = JSON.parse(entry.after) as { sources?: unknown };
    if (Array.isArray(after.sources)) for (const id of after.sources) if (typeof id === 'string' && !ids.includes(id)) ids.push(id);
  } catch {
    // an entry whose after is not JSON cites its own source only
  }
  return ids;
}

export interface SubscribeOptions {
  /** The subscription field, for the delivered-events counter. */
  field: string;
  accepts: (event: FeedEvent) => boolean;
  /** The last number the subscriber saw: what followed it is delivered first. */
  since?: number | null;
  /** Called once when the subscriber is dropped for falling behind, with the reason to close its connection with. */
  onOverflow?: (reason: string) => void;
}

export class FeedGapError extends Error {}

export interface FeedHooks {
  delivered?: (field: string) => void;
  /** A page of the trail could not be read (Neo4j unreachable); the feed tries again after pollMs. */
  failed?: (error: unknown) => void;
}

/**
 * Each service instance reads the audit trail that every write and import keeps in Neo4j, from the
 * last number it delivered on, and hands each new entry to its subscribers. So instances need
 * nothing but the database to agree, and a write never waits for a subscriber: it commits, and the
 * feed finds it on its next read. The trail is read only while someone listens.
 */
export class ChangeFeed {
  readonly #changes: ChangeRepository;
  readonly #candidates: CandidateRepository;
  readonly #subscribers = new Set<Subscriber>();
  /** The last number handed to subscribers; undefined while nobody listens. */
  #head: number | undefined;
  #starting: Promise<number> | undefined;
  #loop: Promise<void> | undefined;
  /** Subscribes waiting for the head: the loop must not stop under them. */
  #joining = 0;
  #wake: (() => void) | undefined;
  /** A write of this process committed while a read was under way: read again at once. */
  #nudged = false;
  readonly #stopListening: () => void;
  #closed = false;

  constructor(
    graph: Graph,
    readonly settings: FeedSettings,
    private readonly hooks: FeedHooks = {},
  ) {
    this.#changes = new ChangeRepository(graph);
    this.#candidates = new CandidateRepository(graph);
    // A write through this instance is read as soon as it commits; other instances' writes at the next poll.
    this.#stopListening = graph.onWriteCommitted(() => this.nudge());
  }

  /** Reads the trail now rather than at the next poll (a write of this process committed). */
  nudge(): void {
    if (this.#loop === undefined) return;
    if (this.#wake) this.#wake();
    else this.#nudged = true;
  }

  /** Subscribers open now. */
  get open(): number {
    return this.#subscribers.size;
  }

  /**
   * A stream of the events `accepts` takes, from now on, or from after `since` (at most
   * replayMax entries back: FeedGapError otherwise).
   */
  async subscribe(options: SubscribeOptions): Promise<AsyncIterableIterator<FeedEvent>> {
    if (this.#closed) throw new Error('The change feed is closed.');
    this.#joining += 1;
    try {
      await this.#start();
      // Read again: a page may have been handed out while this subscribe waited its turn.
      const head = this.#head!;
      const since = options.since ?? head;
      if (since < 0) throw new FeedGapError('since must be 0 or more.');
      if (head - since > this.settings.replayMax) {
        throw new FeedGapError(`${head - since} changes were made after ${since}, more than the ${this.settings.replayMax} a reconnect may catch up on: query the current state again and subscribe without since.`);
      }
      const subscriber = new Subscriber(this, options, since, Math.max(head, since));
      this.#subscribers.add(subscriber);
      return subscriber;
    } finally {
      this.#joining -= 1;
    }
  }

  /** Ends every subscription (they complete) and stops reading. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#stopListening();
    for (const s of [...this.#subscribers]) s.end();
    this.#wake?.();
    await this.#loop;
  }

  /** @internal */
  drop(subscriber: Subscriber): void {
    this.#subscribers.delete(subscriber);
  }

  /** @internal */
  delivered(field: string): void {
    this.hooks.delivered?.(field);
  }

  /** @internal: entries after `after` up to `upTo`, enriched, for a reconnecting subscriber. */
  async replay(after: number, upTo: number): Promise<FeedEvent[]> {
    const entries = (await this.#changes.since(after, Math.min(this.settings.pageSize, upTo - after))).filter((e) => e.seq <= upTo);
    return this.#enrich(entries);
  }

  #start(): Promise<number> {
    if (this.#head !== undefined) {
      this.#loop ??= this.#run();
      return Promise.resolve(this.#head);
    }
    this.#starting ??= this.#changes.lastSeq().then(
      (seq) => {
        this.#starting = undefined;
        this.#head ??= seq;
        this.#loop ??= this.#run();
        return this.#head;
      },
      (error: unknown) => {
        this.#starting = undefined;
        throw error;
      },
    );
    return this.#starting;
  }

  async #run(): Promise<void> {
    while (!this.#closed && (this.#subscribers.size > 0 || this.#joining > 0)) {
      let full = false;
      this.#nudged = false;
      try {
        full = await this.#poll();
      } catch (error) {
        this.hooks.failed?.(error);
      }
      if (!full && !this.#nudged) await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.settings.pollMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
    // Nobody listens: the next subscriber starts from the trail's end as it then is.
    this.#head = undefined;
    this.#loop = undefined;
  }

  /** Reads one page after the head and hands it out; true when the page was full (more may wait). */
  async #poll(): Promise<boolean> {
    const head = this.#head!;
    const entries = await this.#changes.since(head, this.settings.pageSize);
    if (entries.length === 0) return false;
    const events = await this.#enrich(entries);
    for (const event of events) {
      for (const s of [...this.#subscribers]) s.offer(event);
    }
    this.#head = entries[entries.length - 1]!.seq;
    return entries.length === this.settings.pageSize;
  }

  async #enrich(entries: ChangeEntry[]): Promise<FeedEvent[]> {
    const kinds = entries.map((e) => KINDS[e.mutation] ?? null);
    const sourceIds = entries.map(sourceIdsOf);
    const recognitionIds = entries.filter((_, i) => kinds[i] === 'RECOGNIZES').map((e) => e.target);
    const candidateIds = entries.filter((e) => e.mutation === 'ingestArticle').flatMap((e) => e.involves.filter((id) => id !== e.target));
    const [sources, recognitions, candidates] = await Promise.all([
      this.#changes.sources([...new Set(sourceIds.flat())]),
      this.#changes.recognitions(recognitionIds),
      candidateIds.length === 0 ? [] : this.#candidates.list({ ids: candidateIds }, { skip: 0, limit: candidateIds.length }),
    ]);
    const byId = new Map(candidates.map((c) => [c.id, c]));
    return entries.map((entry, i) => ({
      ...entry,
      kind: kinds[i]!,
      sources: sourceIds[i]!.map((id) => sources.get(id)).filter((s): s is SourceRecord => !!s),
      cited: (entry.source && sources.get(entry.source)) || null,
      recognition: kinds[i] === 'RECOGNIZES' ? (recognitions.get(entry.target) ?? null) : null,
      candidates: entry.mutation === 'ingestArticle' ? entry.involves.map((id) => byId.get(id)).filter((c): c is CandidateRecord => !!c) : [],
    }));
  }
}

/**
 * One subscription's stream. Live events wait in a bounded queue; a reconnect's missed events are
 * read from the trail page by page as the subscriber pulls, so a slow reader costs only its own queue.
 */
class Subscriber implements AsyncIterableIterator<FeedEvent> {
  #queue: FeedEvent[] = [];
  #replayed: FeedEvent[] = [];
  #waiting: (() => void) | undefined;
  #done = false;
  /** The last number pulled by the subscriber. */
  #seen: number;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly options: SubscribeOptions,
    /** Missed entries after this number are replayed up to `liveAfter`. */
    private replayFrom: number,
    /** The head when the subscriber joined: replay ends there, live events start after it. */
    private readonly replayTo: number,
  ) {
    this.#seen = replayFrom;
    this.liveAfter = replayTo;
  }

  /** Live events after this number are queued. */
  private liveAfter: number;

  [Symbol.asyncIterator](): AsyncIterableIterator<FeedEvent> {
    return this;
  }

  /** A live event, in commit order. */
  offer(event: FeedEvent): void {
    if (this.#done || event.seq <= this.liveAfter) return;
    this.liveAfter = event.seq;
    if (!this.options.accepts(event)) return;
    if (this.#queue.length >= this.feed.settings.queueMax) {
      this.end();
      this.options.onOverflow?.(`Too far behind: over ${this.feed.settings.queueMax} events unread. Reconnect with since: ${this.#seen}.`);
      return;
    }
    this.#queue.push(event);
    this.#wakeUp();
  }

  async next(): Promise<IteratorResult<FeedEvent>> {
    while (!this.#done) {
      while (this.#replayed.length === 0 && this.replayFrom < this.replayTo) {
        const page = await this.feed.replay(this.replayFrom, this.replayTo);
        // An empty page means the trail holds nothing more up to there (it never has gaps, but a bound is cheap).
        this.replayFrom = page.length === 0 ? this.replayTo : page[page.length - 1]!.seq;
        this.#replayed = page.filter(this.options.accepts);
        if (this.#done) break;
      }
      const event = this.#replayed.shift() ?? this.#queue.shift();
      if (event) {
        this.#seen = event.seq;
        this.feed.delivered(this.options.field);
        return { value: event, done: false };
      }
      await new Promise<void>((resolve) => (this.#waiting = resolve));
    }
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<FeedEvent>> {
    this.end();
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<FeedEvent>> {
    this.end();
    throw error;
  }

  end(): void {
    if (this.#done) return;
    this.#done = true;
    this.#queue = [];
    this.#replayed = [];
    this.feed.drop(this);
    this.#wakeUp();
  }

  #wakeUp(): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.();
  }
}

/** What a WebSocket connection's context carries for its subscriptions. */
export interface FeedAccess {
  feed: ChangeFeed;
  /** Closes the connection (all its subscriptions) with a WebSocket close code and reason. */
  close(code: number, reason: string): void;
}
