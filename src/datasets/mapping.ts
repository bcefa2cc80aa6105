import neo4j from 'neo4j-driver';
import type { Graph } from '../graph/graph';
import type { Names } from './names';

/**
 * What a data set is to the pipeline: a file with known columns, the Source it stands for, and a
 * function from one row to the nodes and facts it states (or why it cannot). Everything else —
 * reading, validation of the header, batching, provenance, hashing, closing, reporting — is the
 * pipeline's (src/datasets/pipeline.ts), once for every data set.
 */

export type CsvRow = Record<string, string>;
export type Props = Record<string, unknown>;

export interface DatasetSource {
  publisher: string;
  title: string;
  /** The data set's address: where it is published. */
  url: string;
  license: string;
  /** The snapshot's date (YYYY-MM-DD) where the publisher gives one; null when nobody dated it. */
  date: string | null;
  note?: string;
}

/** A node or fact one row states. `ref` is the fact's id, or `Label:key` for a node. */
export interface Element {
  kind: 'node' | 'fact';
  ref: string;
  /** What the data set says of it: these properties, and no others, are the data set's. */
  props: Props;
  /** Named by many rows (a city): written once per import and not counted in any row's status. */
  shared?: boolean;
  /** Its own origins where they are not the row's (a city's Wikidata item). */
  origins?: string[];
  /**
   * A fact's further sources: ids of Source nodes the row cites besides the data set (the pages a
   * fact table's row names, made by the shape query). They join the fact's `sources`, and what the
   * data set cited before and no longer cites leaves them.
   */
  cites?: string[];
}

export interface MappedRow {
  /** The row's natural key (a state's code, an item's id): two rows with one key are one too many. */
  key: string;
  /** Where the row itself comes from (its page, its Wikidata item): kept on each of its elements. */
  origins: string[];
  /** Parameters of one row for the data set's shape query (cypher/datasets/<shape>.cypher). */
  shape: Record<string, unknown>;
  /** The row's elements; the first is its anchor (its status is the row's when it is new). */
  elements: Element[];
}

export interface Rejection {
  reject: string;
  /** The row's key when it is known: its facts from an earlier snapshot are not closed (the row is listed, only unreadable). */
  key?: string;
}

export interface MappingContext {
  names: Names;
}

/** A data row with the line of the file it ends on. */
export interface SourceRow {
  line: number;
  row: CsvRow;
}

/** What a mapping's `prepare` changed across rows (merged, inferred, renamed...), for the report. */
export interface PreparedChange {
  /** A short, stable kind ("merged", "end-inferred"), by which the summary counts. */
  kind: string;
  /** The file's lines the change concerns. */
  lines: number[];
  key?: string;
  description: string;
}

export interface Prepared {
  rows: SourceRow[];
  changes: PreparedChange[];
}

export interface PrepareContext extends MappingContext {
  /** For reading (named queries only) what the mapping must know of the graph beyond states' names. */
  graph: Graph;
}

export interface DatasetMapping {
  /** kebab-case; the Source is `dataset-<name>`, the bundled file seeds/datasets/<name>.csv. */
  name: string;
  /** The bundled file under seeds/datasets where it is not <name>.csv (recognition/kosovo.csv). */
  file?: string;
  /** The columns a snapshot must have, no more, no fewer (order free). */
  columns: readonly string[];
  source: DatasetSource;
  /**
   * cypher/datasets/<shape>.cypher: given `$rows` (each mapped row's `shape`), finds or makes each
   * row's nodes and facts, without properties, and returns `ref` and `element` (elementId) for each.
   */
  shape: string;
  map(row: CsvRow, context: MappingContext): MappedRow | Rejection;
  /**
   * Optional: runs once over every well-formed row before `map`, for cleaning that spans rows
   * (merging one person's split terms, closing a term at its successor's start). It returns the
   * rows to map (it may merge or rewrite them, keeping a line for each) and what it changed, which
   * the report lists. A row it cannot make sense of is best passed on unchanged: `map` rejects it
   * with its reason.
   */
  prepare?(rows: SourceRow[], context: PrepareContext): Promise<Prepared> | Prepared;
  /**
   * Optional: facts inferred from the whole data set once it is written (diplomatic relations from
   * missions' accreditations): cypher/datasets/<query>.cypher, given `$dataset` and `params`, makes
   * them marked inferred, drops those whose evidence went, and returns one row of counts (created,
   * updated, unchanged, dropped). It runs on every import, so the inference follows each snapshot.
   */
  derive?: { query: string; what: string; params: Record<string, unknown> };
}

export function isRejection(result: MappedRow | Rejection): result is Rejection {
  return 'reject' in result;
}

/** A calendar day (YYYY-MM-DD) as a Neo4j DATE. */
export function neo4jDate(day: string): unknown {
  const [y, m, d] = day.split('-').map(Number);
  return new neo4j.types.Date(y!, m!, d!);
}

/** WGS 84 coordinates as a Neo4j point (x is the longitude). */
export function neo4jPoint(latitude: number, longitude: number): unknown {
  return new neo4j.types.Point(4326, longitude, latitude);
}
