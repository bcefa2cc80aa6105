import { LONG_TX_MS, type Graph } from '../graph/graph';
import { nameKey } from '../graph/names';
import { loadQueries } from '../graph/queries';

interface Named {
  code: string;
  name: string;
  nameKeys: string[];
}

/**
 * The graph's own states and organizations by code and by every form of their names (the same
 * normalized keys the API matches), read once per import. A name two entities share resolves to
 * neither: a data set row must not be tied to a state by a guess.
 */
export class Names {
  private readonly countryCodes: Set<string>;
  private readonly countryKeys = new Map<string, string | null>();
  private readonly organizationCodes: Set<string>;
  private readonly organizationKeys = new Map<string, string | null>();

  constructor(countries: Named[], organizations: Named[]) {
    this.countryCodes = new Set(countries.map((c) => c.code));
    this.organizationCodes = new Set(organizations.map((o) => o.code));
    index(this.countryKeys, countries);
    index(this.organizationKeys, organizations);
  }

  static async load(graph: Graph): Promise<Names> {
    const [row] = await graph.readText<{ countries: Named[]; organizations: Named[] }>(loadQueries('datasets').get('names')!.text, {}, 'datasets/names', LONG_TX_MS);
    return new Names(row?.countries ?? [], row?.organizations ?? []);
  }

  hasCountry(code: string): boolean {
    return this.countryCodes.has(code);
  }

  hasOrganization(code: string): boolean {
    return this.organizationCodes.has(code);
  }

  /** The code of the one state known by `name`, if exactly one is. */
  country(name: string): string | undefined {
    return this.countryKeys.get(nameKey(name)) ?? undefined;
  }

  organization(name: string): string | undefined {
    return this.organizationKeys.get(nameKey(name)) ?? undefined;
  }
}

function index(keys: Map<string, string | null>, entities: Named[]): void {
  for (const entity of entities) {
    for (const key of new Set([...entity.nameKeys, nameKey(entity.name)])) {
      const known = keys.get(key);
      keys.set(key, known === undefined || known === entity.code ? entity.code : null);
    }
  }
}
