import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import worldCountries from 'world-countries';
import { PROJECT_ROOT } from '../config';

/**
 * Turns every seed input into the one seed-file shape that planSeeds validates and loads:
 * the world-countries package (every state), seeds/world/memberships.json (EU, NATO, UN
 * observers), seeds/*.json (curated facts) and the fact table seeds/data/jerusalem-embassies.csv.
 * (The recognition tables are data sets: src/datasets/recognition.ts.)
 */

export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

export interface SeedInput {
  name: string;
  data: unknown;
  /** Rows that could not become facts, with why (reported by the loader, never silently dropped). */
  skipped?: string[];
}

type Row = Record<string, string>;
type Fact = Record<string, unknown>;

/** States that are not UN members but belong in the graph: observers, Kosovo, and other partially recognized states. */
const NON_MEMBER_STATES = ['PS', 'VA', 'XK', 'TW', 'EH', 'CK', 'NU'];
/** world-countries marks the Holy See as a UN member; it is an observer (seeds/world/memberships.json). */
const NOT_UN_MEMBERS = new Set(['VA']);

const WORLD_SOURCE = {
  id: 'npm-world-countries-5.1.0',
  publisher: 'world-countries (npm package)',
  date: null,
  title: 'World countries: names, codes, regions and UN membership (version 5.1.0)',
  url: 'https://www.npmjs.com/package/world-countries',
  credits: [],
};

export function worldInput(): SeedInput {
  const states = worldCountries.filter((c) => c.unMember || NON_MEMBER_STATES.includes(c.cca2));
  return {
    name: 'world-countries',
    data: {
      sources: [WORLD_SOURCE],
      countries: states.map((c) => ({
        code: c.cca2,
        name: c.name.common,
        officialName: c.name.official,
        iso3: c.cca3 || null,
        isoNumeric: c.ccn3 || null,
        region: c.region,
        subregion: c.subregion || null,
        aliases: [c.name.official, ...c.altSpellings.filter((a) => a.length > 3 && a !== c.cca2)],
        demonyms: c.demonyms?.eng ? [...new Set([c.demonyms.eng.m, c.demonyms.eng.f])] : [],
        capitals: c.capital.map((name) => name.replace(/\s+D\.C\.$/, '')),
        sources: [WORLD_SOURCE.id],
      })),
      organizations: [{ code: 'UN', name: 'United Nations', aliases: ['UN'], sources: [WORLD_SOURCE.id] }],
      relationships: states
        .filter((c) => c.unMember && !NOT_UN_MEMBERS.has(c.cca2))
        .map((c) => ({ id: `member-${c.cca2}-UN`, type: 'MEMBER_OF', from: `Country:${c.cca2}`, to: 'Organization:UN', status: 'MEMBER', sources: [WORLD_SOURCE.id] })),
    },
  };
}

interface Memberships {
  sources: Fact[];
  organizations: Fact[];
  memberships: Record<
    string,
    {
      sources: string[];
      joined?: Record<string, string[]>;
      left?: Record<string, { date: string; sources: string[]; note?: string }>;
      observers?: string[];
    }
  >;
}

export function membershipsInput(file = path.join(SEEDS_DIR, 'world', 'memberships.json')): SeedInput {
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Memberships;
  const relationships: Fact[] = [];
  for (const [org, spec] of Object.entries(m.memberships)) {
    for (const [date, codes] of Object.entries(spec.joined ?? {})) {
      for (const code of codes) {
        const left = spec.left?.[code];
        relationships.push({
          id: `member-${code}-${org}`,
          type: 'MEMBER_OF',
          from: `Country:${code}`,
          to: `Organization:${org}`,
          status: 'MEMBER',
          validFrom: date,
          precision: 'DAY',
          ...(left ? { validTo: left.date, note: left.note } : {}),
          sources: [...spec.sources, ...(left?.sources ?? [])],
        });
      }
    }
    for (const code of spec.observers ?? []) {
      relationships.push({ id: `member-${code}-${org}`, type: 'MEMBER_OF', from: `Country:${code}`, to: `Organization:${org}`, status: 'OBSERVER', sources: spec.sources });
    }
  }
  return { name: 'world/memberships.json', data: { sources: m.sources, organizations: m.organizations, relationships } };
}

/** A partial date as the graph stores it: its first day, and how much of it is known. */
export function partialDate(text: string): { validFrom: string; precision: 'DAY' | 'MONTH' | 'YEAR' } | undefined {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return { validFrom: t, precision: 'DAY' };
  if (/^\d{4}-\d{2}$/.test(t)) return { validFrom: `${t}-01`, precision: 'MONTH' };
  if (/^\d{4}$/.test(t)) return { validFrom: `${t}-01-01`, precision: 'YEAR' };
  return undefined;
}

/**
 * The pages a row cites ("url (what it is) | url"), as Source records. The publisher is the
 * site; the title is the row's description of the page, else the page's own slug; the date is
 * the one in the address when there is one.
 */
export function pageSources(cell: string): Fact[] {
  return cell
    .split(' | ')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(\S+)(?:\s+\((.*)\))?$/.exec(part);
      const url = match?.[1] ?? part;
      let host = url;
      let slug = url;
      try {
        const u = new URL(url);
        host = u.hostname.replace(/^www\./, '');
        slug = decodeURIComponent(u.pathname.split('/').filter(Boolean).at(-1) ?? host);
      } catch {
        // Not a URL: keep the text as it is.
      }
      const dated = /(\d{4})[/-](\d{2})[/-](\d{2})/.exec(url);
      return {
        id: `web-${host}-${createHash('sha256').update(url).digest('hex').slice(0, 10)}`,
        publisher: host,
        date: dated ? `${dated[1]}-${dated[2]}-${dated[3]}` : null,
        title: match?.[2] ?? slug.replace(/\.(html?|php|aspx?)$/, '').replace(/[-_]+/g, ' ').trim(),
        url,
        credits: [],
      };
    });
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * When a withdrawal claim was made (Serbia's, in the Kosovo table), as far as a recognition table's note says: the first date after
 * the note starts talking about the claim ("claimed ... on 2023-01-04", "revoke ... (Nov 2019)").
 * Undated claims stay undated.
 */
export function claimDate(note: string): { validFrom: string; precision: 'DAY' | 'MONTH' | 'YEAR' } | undefined {
  const period = /period of recognition \S+ \S+ \S+ - (\d{1,2}) (\w{3})\w* (\d{4})/i.exec(note);
  if (period) {
    const month = String(MONTHS.indexOf(period[2]!.toLowerCase()) + 1).padStart(2, '0');
    return { validFrom: `${period[3]}-${month}-${period[1]!.padStart(2, '0')}`, precision: 'DAY' };
  }
  const start = note.search(/\bclaim|\brevok|\bwithdr|by serbia|serbia (said|published|announced|counted)/i);
  if (start < 0) return undefined;
  const tail = note.slice(start);
  const match = /(\d{4}-\d{2}-\d{2})|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{4})\b|\b((?:19|20)\d{2})\b/i.exec(tail);
  if (!match) return undefined;
  if (match[1]) return { validFrom: match[1], precision: 'DAY' };
  if (match[2]) {
    const month = String(MONTHS.indexOf(match[2].toLowerCase()) + 1).padStart(2, '0');
    return { validFrom: `${match[3]}-${month}-01`, precision: 'MONTH' };
  }
  return { validFrom: `${match[4]}-01-01`, precision: 'YEAR' };
}

function readCsv(file: string): Row[] {
  return parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Row[];
}

/**
 * One fact table: each row names a state (iso2) and cites its pages (source); `facts` turns a
 * usable row into relationships, or says why it cannot. Rows that cannot become facts are
 * reported in `skipped`, never dropped silently.
 */
function tableInput(name: string, file: string, facts: (row: Row, code: string, sources: string[]) => Fact[] | string): SeedInput {
  const sources = new Map<string, Fact>();
  const countries: Fact[] = [];
  const relationships: Fact[] = [];
  const skipped: string[] = [];
  for (const row of readCsv(file)) {
    const code = row.iso2 ?? '';
    const cited = pageSources(row.source ?? '');
    const result = !/^[A-Z]{2}$/.test(code) || cited.length === 0 ? 'no ISO code or no source' : facts(row, code, cited.map((s) => String(s.id)));
    if (typeof result === 'string') {
      skipped.push(`${row.state}: ${result}`);
      continue;
    }
    cited.forEach((s) => sources.set(String(s.id), s));
    countries.push({ code, name: row.state, aliases: [row.state], sources: cited.map((s) => s.id) });
    relationships.push(...result);
  }
  return { name, data: { sources: [...sources.values()], countries, relationships }, skipped };
}

const EMBASSY_STATUS: Record<string, string> = {
  opened: 'OPENED',
  'moved-back': 'MOVED_BACK',
  reopened: 'REOPENED',
  pledged: 'PLEDGED',
  'pledge-lapsed': 'PLEDGE_LAPSED',
  'diplomatic-office': 'DIPLOMATIC_OFFICE',
  closed: 'CLOSED',
};

/** Embassy events in Jerusalem; a state has one fact per status (opened, moved back, reopened...). */
export function embassiesInput(file = path.join(SEEDS_DIR, 'data', 'jerusalem-embassies.csv')): SeedInput {
  return tableInput('data/jerusalem-embassies.csv', file, (row, code, sources) => {
    const status = EMBASSY_STATUS[row.status ?? ''];
    if (!status) return `unknown embassy status ${JSON.stringify(row.status)}`;
    const date = row.date ? partialDate(row.date) : undefined;
    if (row.date && !date) return `unreadable date ${JSON.stringify(row.date)}`;
    return [
      { id: `embassy-${code}-jerusalem-${status}`, type: 'OPENS_EMBASSY_IN', from: `Country:${code}`, to: 'City:jerusalem', host: 'IL', status, ...date, note: row.note || undefined, sources },
    ];
  });
}

function curatedInputs(dir = SEEDS_DIR): SeedInput[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, data: JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) }));
}

/** Every seed input, in the order in which their records win on merge: world data first, curated facts, then tables. */
export function readSeedInputs(): SeedInput[] {
  return [worldInput(), membershipsInput(), ...curatedInputs(), embassiesInput()];
}
