import { int, type Integer } from 'neo4j-driver';
import type { Graph } from '../graph';
import { nameKey } from '../names';
import { withEverything, type Parts } from './parts';
import type {
  ActorRef,
  ContestedStateRecord,
  CountryRecord,
  CountryRef,
  RecognitionChangeRecord,
  RecognitionRecord,
  RecognitionStatus,
  RecognitionStatusPageRecord,
  RecognitionTimelineRecord,
  StandingCountry,
} from '../records';

export interface Page {
  skip: number;
  limit: number;
}

/** A page as Cypher parameters: SKIP and LIMIT need integers, and JS numbers travel as floats. */
export function pageParams(page: Page): { skip: Integer; limit: Integer } {
  return { skip: int(page.skip), limit: int(page.limit) };
}

/** Every row at once, for internal uses that aggregate (grouping) rather than page. */
const ALL: Page = { skip: 0, limit: 100_000 };

const factParts = withEverything([]);
const countryParts = withEverything(['memberships', 'sources', 'recognizes', 'recognizedBy', 'notRecognizedBy', 'embassyEvents', 'officials', 'agreements']);

export interface CountryFilter {
  region?: string | null;
  memberOf?: string | null;
  asOf?: string | null;
}

export class CountryRepository {
  constructor(private readonly graph: Graph) {}

  private async find(filter: CountryFilter & { codes?: readonly string[]; name?: string }, page: Page, parts?: Parts): Promise<CountryRecord[]> {
    const rows = await this.graph.read<{ country: CountryRecord }>('countries', {
      parts: countryParts(parts),
      codes: filter.codes ? [...filter.codes] : null,
      nameKey: filter.name ? nameKey(filter.name) : null,
      region: filter.region ?? null,
      memberOf: filter.memberOf ?? null,
      asOf: filter.asOf ?? null,
      ...pageParams(page),
    });
    return rows.map((r) => r.country);
  }

  /** Countries by name, optionally in a region/subregion or an organization on `asOf`. */
  list(filter: CountryFilter, page: Page, parts?: Parts): Promise<CountryRecord[]> {
    return this.find(filter, page, parts);
  }

  /** Countries known by this name in any recorded form (Czechia, Czech Republic, Česko...). */
  byName(name: string, parts?: Parts): Promise<CountryRecord[]> {
    return this.find({ name }, ALL, parts);
  }

  byCodes(codes: readonly string[], parts?: Parts): Promise<CountryRecord[]> {
    return this.find({ codes }, ALL, parts);
  }

  /** States not recognizing `of` on `asOf` (refusing, or recognizing only later), without the evidence; empty when `of` is unknown. */
  async nonRecognizers(of: string, asOf: string | null, filter: CountryFilter, page: Page, parts?: Parts): Promise<StandingCountry[]> {
    const rows = await this.graph.read<{ country: StandingCountry }>('non-recognizers', {
      parts: factParts(parts),
      of,
      asOf,
      region: filter.region ?? null,
      memberOf: filter.memberOf ?? null,
      ...pageParams(page),
    });
    return rows.map((r) => r.country);
  }

  async known(codes: string[]): Promise<Set<string>> {
    const row = await this.graph.readOne<{ known: string[] }>('country-known', { codes });
    return new Set(row?.known ?? []);
  }

  /** Recognitions of `of` holding on `asOf`, or undefined when `of` is not in the graph. */
  async recognitionsOf(of: string, asOf: string | null, page: Page, parts?: Parts): Promise<RecognitionRecord[] | undefined> {
    const row = await this.graph.readOne<{ targetKnown: boolean; recognitions: RecognitionRecord[] }>('recognitions', { of, asOf, parts: factParts(parts), ...pageParams(page) });
    return row?.targetKnown ? row.recognitions : undefined;
  }

  /** Every state's standing towards `of` on `asOf`, with counts; undefined when `of` is not in the graph. */
  async recognitionStatuses(
    of: string,
    asOf: string | null,
    filter: CountryFilter & { status?: RecognitionStatus | null; country?: string | null },
    page: Page = ALL,
  ): Promise<RecognitionStatusPageRecord | undefined> {
    return this.graph.readOne<RecognitionStatusPageRecord>('recognition-statuses', {
      of,
      asOf,
      country: filter.country ?? null,
      status: filter.status ?? null,
      region: filter.region ?? null,
      memberOf: filter.memberOf ?? null,
      ...pageParams(page),
    });
  }

  /** States that recognize `recognizes` but are on record not recognizing `butNot` on `asOf`. */
  async recognizesButNot(recognizes: string, butNot: string, asOf: string | null, page: Page): Promise<CountryRef[]> {
    const rows = await this.graph.read<{ country: CountryRef }>('recognizes-but-not', { recognizes, butNot, asOf, ...pageParams(page) });
    return rows.map((r) => r.country);
  }

  /** The contested states (limited recognition, or refused by someone on record) with the counts per status on `asOf`. */
  async contestedStates(asOf: string | null): Promise<ContestedStateRecord[]> {
    return this.graph.read<ContestedStateRecord>('contested-states', { asOf });
  }

  /** States that started or stopped recognizing `of` between two days, by the day of the change. */
  async recognitionChanges(of: string, from: string, to: string, page: Page): Promise<RecognitionChangeRecord[]> {
    const rows = await this.graph.read<{ item: RecognitionChangeRecord }>('recognition-changes', { of, from, to, ...pageParams(page) });
    return rows.map((r) => r.item);
  }

  async recognitionTimeline(of: string): Promise<RecognitionTimelineRecord | undefined> {
    return this.graph.readOne<RecognitionTimelineRecord>('recognition-timeline', { of });
  }

  async organizations(): Promise<ActorRef[]> {
    return (await this.graph.read<{ organization: ActorRef }>('organizations')).map((r) => r.organization);
  }
}
