import type { Graph } from '../graph';
import type { CountryRecord, RecognitionRecord } from '../records';

export class CountryRepository {
  constructor(private readonly graph: Graph) {}

  private async find(filter: { codes?: string[]; notRecognizing?: string; asOf?: string | null }): Promise<CountryRecord[]> {
    const rows = await this.graph.read<{ country: CountryRecord }>('countries', {
      codes: filter.codes ?? null,
      notRecognizing: filter.notRecognizing ?? null,
      asOf: filter.asOf ?? null,
    });
    return rows.map((r) => r.country);
  }

  all(): Promise<CountryRecord[]> {
    return this.find({});
  }

  byCodes(codes: readonly string[]): Promise<CountryRecord[]> {
    return this.find({ codes: [...codes] });
  }

  /** Countries other than `of` with no recognition of it holding on `asOf`; empty when `of` is unknown. */
  nonRecognizers(of: string, asOf: string | null): Promise<CountryRecord[]> {
    return this.find({ notRecognizing: of, asOf });
  }

  async known(codes: string[]): Promise<Set<string>> {
    const row = await this.graph.readOne<{ known: string[] }>('country-known', { codes });
    return new Set(row?.known ?? []);
  }

  /** Recognitions of `of` holding on `asOf`, or undefined when `of` is not in the graph. */
  async recognitionsOf(of: string, asOf: string | null): Promise<RecognitionRecord[] | undefined> {
    const row = await this.graph.readOne<{ targetKnown: boolean; recognitions: RecognitionRecord[] }>('recognitions', { of, asOf });
    if (!row?.targetKnown) return undefined;
    return row.recognitions;
  }
}
