import { int } from 'neo4j-driver';
import type { Graph } from '../graph';
import type { RecognitionRecord, SourceRecord } from '../records';

/** One audit entry as the change feed reads it. */
export interface ChangeEntry {
  id: string;
  seq: number;
  at: string;
  actor: string;
  mutation: string;
  target: string;
  involves: string[];
  before: string | null;
  after: string;
  /** The id of the source the change cites. */
  source: string | null;
}

/** The audit trail read as a change feed: from a number on, in commit order. */
export class ChangeRepository {
  constructor(private readonly graph: Graph) {}

  /** The number of the last entry (0 before any). */
  async lastSeq(): Promise<number> {
    return (await this.graph.readOne<{ version: number }>('graph-version'))?.version ?? 0;
  }

  /** Up to `limit` entries numbered after `after`, oldest first. */
  async since(after: number, limit: number): Promise<ChangeEntry[]> {
    return (await this.graph.read<{ change: ChangeEntry }>('changes-since', { after: int(after), limit: int(limit) })).map((r) => r.change);
  }

  async sources(ids: string[]): Promise<Map<string, SourceRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.graph.read<{ source: SourceRecord }>('sources-by-ids', { ids });
    return new Map(rows.map((r) => [r.source.id, r.source]));
  }

  async recognitions(ids: string[]): Promise<Map<string, RecognitionRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.graph.read<{ recognition: RecognitionRecord }>('recognitions-by-id', { ids });
    return new Map(rows.map((r) => [r.recognition.id, r.recognition]));
  }
}
