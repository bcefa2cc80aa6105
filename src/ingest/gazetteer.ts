import { nameKey } from '../graph/names';

/**
 * What the extractor knows of the world: every name, alias, demonym and capital in the graph.
 * The service loads it from Neo4j (cypher/queries/gazetteer.cypher); the evaluation builds it from
 * the seed inputs. It is plain data so that the extractor needs neither.
 */
export interface GazetteerData {
  countries: { code: string; name: string; aliases: string[]; demonyms: string[]; capitals: string[] }[];
  organizations: { code: string; name: string; aliases: string[] }[];
  /** `countries`: the states the person holds or held an office of, as far as the graph knows. */
  people: { id: string; name: string; aliases: string[]; countries: string[] }[];
  cities: { id: string; name: string; aliases: string[]; country: string | null }[];
}

export type EntityKind = 'COUNTRY' | 'ORGANIZATION' | 'PERSON' | 'CITY';

export interface Entity {
  kind: EntityKind;
  /** Country or organization code, person or city id. */
  id: string;
  name: string;
  /** False for a person the graph does not hold yet (the id is then proposed). */
  known: boolean;
  /** For a person: the states the graph has them serve; for a city: its state. */
  countries: string[];
}

/** How a name was written: its own name, the people's adjective, its capital, or its seat of government. */
export type Via = 'NAME' | 'DEMONYM' | 'CAPITAL' | 'SEAT';

export interface Entry {
  entity: Entity;
  via: Via;
}

/**
 * Seats of government that news use for the state itself ("the White House said"). General
 * knowledge, not facts of the graph; only used when the graph has the state.
 */
const SEATS: Record<string, string> = {
  'white house': 'US',
  'state department': 'US',
  kremlin: 'RU',
  'downing street': 'GB',
  elysee: 'FR',
  'elysee palace': 'FR',
  'quai d orsay': 'FR',
  zhongnanhai: 'CN',
  'blue house': 'KR',
};

/**
 * Short names English news uses for a state that the graph's names (the world-countries package, the recognition
 * tables) lack: "Britain", "UK". General usage, not facts; added only where the graph has the state and no entry
 * has the name. Names made by rule (the people's adjective, initials, "St" for "Saint") are built below instead.
 */
const SHORT_NAMES: Record<string, string> = {
  britain: 'GB',
  uk: 'GB',
  bosnia: 'BA',
  trinidad: 'TT',
};

/**
 * People's adjectives news writes for a state in two words, where each word alone is another state's ("Turkish Cypriot
 * leader": Northern Cyprus's, not Turkey's or Cyprus's). General usage, added only where the graph has the state.
 */
const TWO_WORD_DEMONYMS: Record<string, string> = {
  'turkish cypriot': 'XN',
  'greek cypriot': 'CY',
};

/** The form tokens and names are compared in: `nameKey`, without dots, hyphens as spaces, no possessive. */
export function matchKey(text: string): string {
  return nameKey(text.replace(/[\u2018\u2019]/g, "'"))
    .replace(/'s$|'$/g, '')
    .replace(/\./g, '')
    .replace(/[-/]/g, ' ')
    .replace(/[^\p{L}\p{N}' ]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export class Gazetteer {
  private readonly entries = new Map<string, Entry[]>();
  readonly longest: number;
  private readonly people: Entity[] = [];
  private readonly capitals = new Map<string, Entity>();
  /** Keys made of a name's initials: they match only as written in capitals ("SADR", never "Sadr"). */
  readonly initialisms = new Set<string>();

  constructor(data: GazetteerData) {
    const countries = new Set(data.countries.map((c) => c.code));
    // One entity per state, whatever form of its name finds it.
    const stateEntity = new Map<string, Entity>(data.countries.map((c) => [c.code, { kind: 'COUNTRY', id: c.code, name: c.name, known: true, countries: [c.code] }]));
    for (const c of data.countries) {
      const entity = stateEntity.get(c.code)!;
      for (const n of [c.name, ...c.aliases, c.code]) this.add(n, { entity, via: 'NAME' });
      for (const n of c.demonyms) this.add(n, { entity, via: 'DEMONYM' });
      for (const n of c.capitals) this.add(n, { entity, via: 'CAPITAL' });
    }
    // The people's adjective where the graph has none, made from the name as English makes it:
    // "Rwanda" -> "Rwandan", "Kosovo" -> "Kosovan", "Abkhazia" -> "Abkhazian". Only forms no other entry has.
    for (const c of data.countries) {
      const entity = stateEntity.get(c.code)!;
      for (const n of [c.name, ...c.aliases].filter((x) => /^\p{Lu}[\p{Ll}]+$/u.test(x))) {
        const stem = n.replace(/[aeiouy]$/, '');
        for (const form of /a$/.test(n) ? [`${n}n`] : [`${stem}an`, `${stem}ian`, `${n}ian`, `${stem}ese`]) {
          if (!this.entries.has(matchKey(form))) this.add(form, { entity, via: 'DEMONYM' });
        }
      }
    }
    // The initials of a name of three or more words, as news writes them: "United Arab Emirates" -> "UAE",
    // "Democratic Republic of the Congo" -> "DRC". Only initials no other entry has and no two states share
    // (the short-key rule in text.ts then matches them only as written in capitals).
    const initials = new Map<string, Set<string>>();
    for (const c of data.countries) {
      for (const n of [c.name, ...c.aliases]) {
        const words = n.replace(/['’]s\b/g, '').split(/[\s-]+/).filter((w) => !/^(of|the|and)$/i.test(w));
        if (words.length < 3 || words.some((w) => !/^\p{Lu}/u.test(w))) continue;
        const key = words.map((w) => w[0]).join('').toLowerCase();
        initials.set(key, (initials.get(key) ?? new Set()).add(c.code));
      }
    }
    for (const [key, codes] of initials) {
      const entity = codes.size === 1 ? stateEntity.get([...codes][0]!) : undefined;
      if (!entity || this.entries.has(key)) continue;
      this.add(key, { entity, via: 'NAME' });
      this.initialisms.add(key);
    }
    // "St Lucia", "St. Kitts and Nevis": news abbreviate "Saint" in a state's name.
    for (const c of data.countries) {
      const entity = stateEntity.get(c.code)!;
      for (const n of [c.name, ...c.aliases].filter((x) => /^Saint /.test(x))) {
        const form = n.replace(/^Saint /, 'St ');
        if (!this.entries.has(matchKey(form))) this.add(form, { entity, via: 'NAME' });
      }
    }
    for (const [name, code] of Object.entries(SHORT_NAMES)) {
      const entity = stateEntity.get(code);
      if (entity && !this.entries.has(name)) this.add(name, { entity, via: 'NAME' });
    }
    for (const [name, code] of Object.entries(TWO_WORD_DEMONYMS)) {
      const entity = stateEntity.get(code);
      if (entity) this.add(name, { entity, via: 'DEMONYM' });
    }
    for (const [seat, code] of Object.entries(SEATS)) {
      const entity = stateEntity.get(code);
      if (entity) this.add(seat, { entity, via: 'SEAT' });
    }
    for (const o of data.organizations) {
      const entity: Entity = { kind: 'ORGANIZATION', id: o.code, name: o.name, known: true, countries: [] };
      for (const n of [o.name, ...o.aliases, o.code]) this.add(n, { entity, via: 'NAME' });
    }
    for (const p of data.people) {
      const entity: Entity = { kind: 'PERSON', id: p.id, name: p.name, known: true, countries: p.countries.filter((c) => countries.has(c)) };
      this.people.push(entity);
      for (const n of [p.name, ...p.aliases]) this.add(n, { entity, via: 'NAME' });
    }
    for (const city of data.cities) {
      const entity: Entity = { kind: 'CITY', id: city.id, name: city.name, known: true, countries: city.country ? [city.country] : [] };
      for (const n of [city.name, ...city.aliases]) this.add(n, { entity, via: 'NAME' });
    }
    // A capital is also a city (where embassies are); the graph's City node wins when it has one.
    for (const c of data.countries) {
      for (const capital of c.capitals) {
        const key = matchKey(capital);
        const list = this.entries.get(key) ?? [];
        let city = list.find((e) => e.entity.kind === 'CITY');
        if (city && city.entity.countries.length === 0) city.entity.countries.push(c.code);
        if (!city) {
          city = { entity: { kind: 'CITY', id: key.replace(/ /g, '-'), name: capital, known: false, countries: [c.code] }, via: 'NAME' };
          list.push(city);
          this.entries.set(key, list);
        }
        if (!this.capitals.has(c.code)) this.capitals.set(c.code, city.entity);
      }
    }
    this.longest = Math.max(1, ...[...this.entries.keys()].map((k) => k.split(' ').length));
  }

  private add(name: string, entry: Entry): void {
    const key = matchKey(name);
    if (!key) return;
    // A possessive inside a name ("People's Republic of China") is read token by token without its "'s".
    const bare = key.replace(/'s\b/g, '');
    if (bare !== key) this.add(bare, entry);
    const list = this.entries.get(key) ?? [];
    if (!list.some((e) => e.entity.kind === entry.entity.kind && e.entity.id === entry.entity.id)) list.push(entry);
    this.entries.set(key, list);
  }

  lookup(key: string): Entry[] {
    return this.entries.get(key) ?? [];
  }

  /** A state's (first) capital as a city: "the Avalonian capital". */
  capitalOf(code: string): Entity | undefined {
    return this.capitals.get(code);
  }

  country(code: string): Entity | undefined {
    return this.lookup(matchKey(code)).find((e) => e.entity.kind === 'COUNTRY' && e.entity.id === code)?.entity;
  }

  /** A known person whose name ends in `surname` (a later, shorter mention). */
  personBySurname(surname: string): Entity | undefined {
    const key = matchKey(surname);
    const hits = this.people.filter((p) => matchKey(p.name).endsWith(` ${key}`));
    return hits.length === 1 ? hits[0] : undefined;
  }
}
