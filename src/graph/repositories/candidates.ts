import type { GazetteerData } from '../../ingest/gazetteer';
import type { Graph } from '../graph';
import type { Precision, SourceRecord } from '../records';
import { pageParams, type Page } from './countries';

export interface EntityRecord {
  kind: 'COUNTRY' | 'ORGANIZATION' | 'PERSON' | 'CITY';
  id: string;
  name: string;
  known: boolean;
}

export interface FlagRecord {
  kind: 'ALREADY_KNOWN' | 'CONTRADICTS' | 'DATE_DIFFERS' | 'DISPUTED' | 'NEW_PERSON';
  message: string;
}

/** A candidate as stored: flat properties an analyst can query, entity names in one JSON property. */
export interface CandidateRow {
  id: string;
  type: string;
  claim: string;
  subject: string | null;
  object: string | null;
  city: string | null;
  role: string | null;
  parties: string[];
  signatories: string[];
  witnesses: string[];
  mediators: string[];
  agreementKind: string | null;
  date: string | null;
  datePrecision: Precision | null;
  dateText: string | null;
  evidenceStart: number;
  evidenceEnd: number;
  evidence: string;
  confidence: number;
  flags: string[];
  flagMessages: string[];
  /** The id of the fact (or agreement) on file that this candidate restates, if any. */
  knownFact: string | null;
  /** JSON: {subject, object, city, parties, signatories, witnesses, mediators} as EntityRecords. */
  entities: string;
}

export interface CandidateRecord {
  id: string;
  type: string;
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED';
  claim: string;
  subject: EntityRecord | null;
  object: EntityRecord | null;
  city: EntityRecord | null;
  role: string | null;
  parties: EntityRecord[];
  signatories: EntityRecord[];
  witnesses: EntityRecord[];
  mediators: EntityRecord[];
  agreementKind: string | null;
  date: string | null;
  datePrecision: Precision | null;
  dateText: string | null;
  evidence: { start: number; end: number; text: string };
  confidence: number;
  flags: FlagRecord[];
  knownFact: string | null;
  source: SourceRecord;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  fact: string | null;
}

/** A fact already in the graph between two things an article speaks of. */
export interface KnownFact {
  subject: string;
  object: string;
  type: string;
  forward: boolean;
  id: string;
  validFrom: string | null;
  validTo: string | null;
  status: string | null;
  role: string | null;
  city: string | null;
}

export interface KnownAgreement {
  parties: string[];
  agreement: { id: string; title: string; kind: string; status: string; date: string | null; precision: Precision | null; summary: string; place: string | null; topics: string[] };
}

export interface IngestionRecord {
  source: SourceRecord;
  candidates: CandidateRecord[];
  created: number;
  note: string | null;
}

export interface CandidateFilter {
  ids?: string[] | null;
  status?: string | null;
  source?: string | null;
  type?: string | null;
}

type Stored = Omit<CandidateRow, 'entities' | 'flags' | 'flagMessages' | 'evidence' | 'evidenceStart' | 'evidenceEnd'> & {
  entities: string;
  flags: string[] | null;
  flagMessages: string[] | null;
  evidence: string;
  evidenceStart: number;
  evidenceEnd: number;
  status: CandidateRecord['status'];
  source: SourceRecord;
  reviewedBy?: string | null;
  reviewedAt?: string | null;
  reviewNote?: string | null;
  fact?: string | null;
};

function record(c: Stored): CandidateRecord {
  const entities = JSON.parse(c.entities) as Pick<CandidateRecord, 'subject' | 'object' | 'city' | 'parties' | 'signatories' | 'mediators'> & { witnesses?: EntityRecord[] };
  const kinds = c.flags ?? [];
  return {
    id: c.id,
    type: c.type,
    status: c.status,
    claim: c.claim,
    ...entities,
    // (candidates stored before witnesses were read have none)
    witnesses: entities.witnesses ?? [],
    role: c.role ?? null,
    agreementKind: c.agreementKind ?? null,
    date: c.date ?? null,
    datePrecision: c.datePrecision ?? null,
    dateText: c.dateText ?? null,
    evidence: { start: c.evidenceStart, end: c.evidenceEnd, text: c.evidence },
    confidence: c.confidence,
    flags: kinds.map((kind, i) => ({ kind: kind as FlagRecord['kind'], message: c.flagMessages?.[i] ?? '' })),
    knownFact: c.knownFact ?? null,
    source: c.source,
    reviewedBy: c.reviewedBy ?? null,
    reviewedAt: c.reviewedAt ?? null,
    reviewNote: c.reviewNote ?? null,
    fact: c.fact ?? null,
  };
}

/** The review queue's storage, and what the extractor reads from the graph (names, facts on file). */
export class CandidateRepository {
  constructor(private readonly graph: Graph) {}

  async gazetteer(): Promise<GazetteerData> {
    return (await this.graph.readOne<GazetteerData>('gazetteer'))!;
  }

  async known(pairs: { subject: string; object: string }[], partySets: string[][]): Promise<{ facts: KnownFact[]; agreements: KnownAgreement[] }> {
    return (await this.graph.readOne<{ facts: KnownFact[]; agreements: KnownAgreement[] }>('candidate-context', { pairs, partySets }))!;
  }

  async list(filter: CandidateFilter, page: Page): Promise<CandidateRecord[]> {
    const params = { ids: filter.ids ?? null, status: filter.status ?? null, source: filter.source ?? null, type: filter.type ?? null, ...pageParams(page) };
    return (await this.graph.read<{ candidate: Stored }>('candidates', params)).map((r) => record(r.candidate));
  }

  async sourceByUrl(url: string): Promise<SourceRecord | undefined> {
    return (await this.graph.readOne<{ source: SourceRecord }>('source-by-url', { url }))?.source;
  }

  async byId(id: string): Promise<CandidateRecord | undefined> {
    return (await this.list({ ids: [id] }, { skip: 0, limit: 1 }))[0];
  }
}
