import fs from 'node:fs';
import path from 'node:path';
import Table from 'cli-table3';
import { parse } from 'csv-parse/sync';
import { planSeeds } from '../graph/seed';
import { PROJECT_ROOT } from '../config';
import { readSeedInputs } from '../graph/seed-inputs';
import { englishLabels } from '../datasets/wikidata-leaders';
import { extract, type Proposal } from '../ingest/extract';
import { Gazetteer, matchKey, type GazetteerData } from '../ingest/gazetteer';

/**
 * `npm run eval:ingest`: runs the extractor on articles nobody tuned it for and scores it against
 * hand-made gold facts, per relation type and per part:
 *   seed — the three seed articles (../shared/seed-articles) against eval/ingest-gold.json;
 *   dev  — the corpus articles numbered below 11 in each part of ../shared/eval-articles (tune on these);
 *   test — the corpus articles numbered 11 and up (score once, never read their failures while tuning).
 * The corpus is third-party text and is read where it lies; nothing of it is copied here.
 * Options: --corpus <dir>, --seed-dir <dir>, --part seed|dev|test (repeatable; default all),
 * --explain (every false positive and miss; dev and seed only), --json <file>.
 *
 * Scoring follows the corpus's annotation guide: a fact is (type, subject, object) — the city for
 * embassies; agreements are matched by their parties (the gold agreement sharing most parties with a
 * proposed one), people by name variant (accents, case, a dropped middle name or "al-"); a claim of a
 * withdrawal and its denial, a recognition and a refusal, ties and their severance are different facts
 * (their polarity differs), and several events of one embassy are several facts. Soft (implied) gold
 * facts count neither as misses nor as false positives and are reported apart.
 */

export interface Fact {
  type: string;
  subject: string;
  object: string;
  status: string | null;
  date: string | null;
  soft?: boolean;
  evidence?: string;
}

const NEGATIVE = new Set(['no', 'severed', 'closed', 'denied']);
export const polarity = (f: { status: string | null }) => (f.status && NEGATIVE.has(f.status) ? '-' : '+');

const dateString = (date: string | null, precision: string | null) => (!date ? null : precision === 'YEAR' ? date.slice(0, 4) : precision === 'MONTH' ? date.slice(0, 7) : date);

/** A proposal in the corpus's vocabulary: agreements become PARTY_TO, SIGNED and MEDIATES (object: the parties). */
export function toFacts(p: Proposal): Fact[] {
  const date = dateString(p.date, p.datePrecision);
  const base = { date, evidence: p.evidence.text };
  const name = (e: { kind: string; id: string; name: string }) => (e.kind === 'PERSON' ? e.name : e.id);
  if (p.type === 'AGREEMENT') {
    const agreement = `agreement:${p.parties.map((e) => e.id).sort().join('+')}`;
    // An initialled text: the guide's PARTY_TO and SIGNED status "initialled".
    const initialled = p.role === 'initialled' ? 'initialled' : null;
    const status = initialled ?? (p.claim === 'PLEDGED' ? 'pledged' : null);
    return [
      ...p.parties.map((e) => ({ ...base, type: 'PARTY_TO', subject: e.id, object: agreement, status })),
      ...p.signatories.map((e) => ({ ...base, type: 'SIGNED', subject: name(e), object: agreement, status: initialled })),
      ...p.witnesses.map((e) => ({ ...base, type: 'SIGNED', subject: name(e), object: agreement, status: 'witness' })),
      ...p.mediators.map((e) => ({ ...base, type: 'MEDIATES', subject: name(e), object: agreement, status: null })),
    ];
  }
  const s = p.subject ? name(p.subject) : '?';
  const o = p.object ? name(p.object) : '?';
  const pledge = p.claim === 'PLEDGED' ? 'pledged' : null;
  switch (p.type) {
    case 'RECOGNIZES':
      // A recognition ended ("switched recognition from B to C") is a withdrawal, as the guide writes it.
      if (p.claim === 'ENDED') return [{ ...base, type: 'WITHDRAWS_RECOGNITION_CLAIM', subject: s, object: o, status: 'withdrawn' }];
      // A recognition said to be coming (ANNOUNCED: "will recognize", "plans to") is the guide's "pledged".
      return [{ ...base, type: 'RECOGNIZES', subject: s, object: o, status: p.claim === 'DENIED' ? 'no' : p.claim === 'ANNOUNCED' ? 'pledged' : pledge }];
    case 'DOES_NOT_RECOGNIZE':
      return [{ ...base, type: 'RECOGNIZES', subject: s, object: o, status: 'no' }];
    case 'WITHDRAWAL_CLAIMED':
      return [{ ...base, type: 'WITHDRAWS_RECOGNITION_CLAIM', subject: s, object: o, status: p.claim === 'DENIED' ? 'denied' : p.role ?? 'claimed' }];
    case 'HAS_DIPLOMATIC_RELATIONS_WITH': {
      const [a, b] = [s, o].sort();
      const status = p.claim === 'ENDED' ? 'severed' : p.claim === 'ANNOUNCED' ? 'agreed' : p.claim === 'PLEDGED' ? 'pledged' : p.role ?? null;
      return [{ ...base, type: p.type, subject: a!, object: b!, status }];
    }
    case 'OPENS_EMBASSY_IN': {
      const status = p.claim === 'PLEDGED' || p.claim === 'ANNOUNCED' ? 'pledged' : p.claim === 'ENDED' ? 'closed' : p.role && p.role !== 'moved' ? p.role : 'opened';
      return [{ ...base, type: p.type, subject: s, object: p.city?.name ?? '?', status }];
    }
    case 'HOLDS_OFFICE':
      return [{ ...base, type: p.type, subject: s, object: o, status: `${p.claim === 'ENDED' ? 'former ' : ''}${p.role ?? ''}` }];
    default:
      return [{ ...base, type: p.type, subject: s, object: o, status: null }];
  }
}

/** A person's name as compared: no accents, case, punctuation or "al-"; "Vučić" = "Vucic". */
export function personKey(name: string): string[] {
  return matchKey(name.replace(/-/g, ' '))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(' ')
    .filter((w) => w && !/^(al|el|bin|ibn|ben|de|da|van|von|jr|sr|ii|iii|sheikh|mr|mrs|ms|dr)$/.test(w));
}

/** Two names of one person: same words, or the same surname and one's given names among the other's (or one spelled with a letter changed). */
export function samePerson(a: string, b: string): boolean {
  const [x, y] = [personKey(a), personKey(b)];
  if (x.length === 0 || y.length === 0) return false;
  const close = (u: string, v: string) => u === v || (u.length > 3 && v.length > 3 && u.slice(0, 3) === v.slice(0, 3) && Math.abs(u.length - v.length) <= 1 && [...u].filter((c, i) => c !== v[i]).length <= 2);
  if (!close(x[x.length - 1]!, y[y.length - 1]!)) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.slice(0, -1).every((w) => long.some((v) => close(w, v)));
}

const PERSON_SUBJECT = new Set(['HOLDS_OFFICE', 'SIGNED', 'MEDIATES']);
const isCode = (s: string) => /^[A-Z]{2}$|^[A-Z_]{2,}$/.test(s);

export interface Score {
  gold: number;
  proposed: number;
  matched: number;
  dates: number;
  statuses: number;
  softGold: number;
  softMatched: number;
  polarity: number;
}
const empty = (): Score => ({ gold: 0, proposed: 0, matched: 0, dates: 0, statuses: 0, softGold: 0, softMatched: 0, polarity: 0 });

/** Scores one article's proposals against its gold facts; pushes explanations of errors to `explain`. */
export function scoreArticle(gold: Fact[], proposed: Fact[], score: (type: string) => Score, explain: string[]): void {
  // Agreements: each proposed agreement stands for the gold agreement with most parties in common.
  const goldAgreements = new Map<string, Set<string>>();
  for (const f of gold) if (f.type === 'PARTY_TO') (goldAgreements.get(f.object) ?? goldAgreements.set(f.object, new Set()).get(f.object)!).add(f.subject);
  const agreementOf = new Map<string, string>();
  for (const f of proposed) {
    if (!f.object.startsWith('agreement:') || agreementOf.has(f.object)) continue;
    const parties = f.object.slice('agreement:'.length).split('+');
    let best: [string, number] | null = null;
    for (const [title, set] of goldAgreements) {
      const common = parties.filter((p) => set.has(p)).length;
      const jaccard = common / (parties.length + set.size - common);
      if (common >= 2 && jaccard >= 0.5 && (!best || jaccard > best[1])) best = [title, jaccard];
    }
    if (best) agreementOf.set(f.object, best[0]);
  }
  // An agreement the gold names only by signatories or mediators: the one proposed agreement of the article.
  const titles = new Set(gold.filter((f) => f.type === 'SIGNED' || f.type === 'MEDIATES').map((f) => f.object));
  const keyOf = (f: Fact) => {
    const pair = [f.subject, agreementOf.get(f.object) ?? f.object];
    // symmetric: the guide lists each pair once, in either order
    return [f.type, ...(f.type === 'HAS_DIPLOMATIC_RELATIONS_WITH' ? pair.sort() : pair)].join('|').toLowerCase();
  };
  const normal = proposed.map((f) => {
    let { subject, object } = f;
    if (PERSON_SUBJECT.has(f.type) && !isCode(subject)) subject = gold.find((g) => g.type === f.type && !isCode(g.subject) && samePerson(g.subject, subject))?.subject ?? subject;
    if (object.startsWith('agreement:') && !agreementOf.has(object) && titles.size === 1 && goldAgreements.size === 0) object = [...titles][0]!;
    return { ...f, subject, object: agreementOf.get(object) ?? object };
  });
  const used = new Set<number>();
  const matched = new Set<number>();
  const matchedSoft = new Set<number>();
  // Gold facts in order; each takes the best unused proposal with its key and polarity (exact status, then date).
  gold.forEach((g) => {
    const s = score(g.type);
    if (g.soft) s.softGold++;
    else s.gold++;
    const options = normal.map((f, i) => ({ f, i })).filter(({ f, i }) => !used.has(i) && keyOf(f) === keyOf(g) && polarity(f) === polarity(g));
    options.sort((a, b) => Number(b.f.status === g.status) * 2 + Number(b.f.date === g.date) - (Number(a.f.status === g.status) * 2 + Number(a.f.date === g.date)));
    const hit = options[0];
    if (!hit) {
      if (!g.soft) explain.push(`  miss  ${g.type} ${g.subject} -> ${g.object}${g.status ? ` [${g.status}]` : ''} ${g.date ?? ''}  «${g.evidence ?? ''}»`);
      return;
    }
    used.add(hit.i);
    (g.soft ? matchedSoft : matched).add(hit.i);
    if (g.soft) {
      s.softMatched++;
      return;
    }
    s.matched++;
    const sameStatus = (hit.f.status ?? '').toLowerCase() === (g.status ?? '').toLowerCase();
    if (hit.f.date === g.date) s.dates++;
    else explain.push(`  date  ${g.type} ${g.subject} -> ${g.object}: ${hit.f.date}, gold ${g.date}`);
    if (sameStatus) s.statuses++;
    else explain.push(`  status ${g.type} ${g.subject} -> ${g.object}: ${hit.f.status}, gold ${g.status}`);
  });
  normal.forEach((f, i) => {
    if (matched.has(i) || matchedSoft.has(i)) return;
    // A second proposal of a fact already matched (another event of it) is a false positive only when no gold fact has its key.
    const s = score(f.type);
    s.proposed++;
    const opposite = gold.some((g) => keyOf(g) === keyOf(f) && polarity(g) !== polarity(f)) && !gold.some((g) => keyOf(g) === keyOf(f) && polarity(g) === polarity(f));
    if (opposite) s.polarity++;
    explain.push(`  ${opposite ? 'POLARITY' : 'false'} ${f.type} ${f.subject} -> ${f.object}${f.status ? ` [${f.status}]` : ''} ${f.date ?? ''}  «${(f.evidence ?? '').slice(0, 100)}»`);
  });
  for (const i of matched) score(normal[i]!.type).proposed++;
}

// ---------- the gazetteer ----------

/** The gazetteer the service has once the graph is seeded and the leaders and missions data sets imported, built without a database. */
export function evalGazetteer(): Gazetteer {
  const plan = planSeeds(readSeedInputs().map((i) => ({ name: i.name, data: i.data })));
  const nodes = [...plan.nodesByCode, ...plan.nodesById];
  const offices = plan.relationships.filter((r) => r.type === 'HOLDS_OFFICE');
  const located = plan.relationships.filter((r) => r.type === 'LOCATED_IN');
  const list = (v: unknown) => (v as string[] | undefined) ?? [];
  const data: GazetteerData = {
    countries: nodes.filter((n) => n.label === 'Country').map(({ props: p }) => ({ code: String(p.code), name: String(p.name), aliases: list(p.aliases), demonyms: list(p.demonyms), capitals: list(p.capitals) })),
    organizations: nodes.filter((n) => n.label === 'Organization').map(({ props: p }) => ({ code: String(p.code), name: String(p.name), aliases: list(p.aliases) })),
    people: nodes.filter((n) => n.label === 'Person').map(({ props: p }) => ({ id: String(p.id), name: String(p.name), aliases: list(p.aliases), countries: offices.filter((o) => o.fromValue === p.id).map((o) => String(o.toValue)) })),
    cities: nodes.filter((n) => n.label === 'City').map(({ props: p }) => ({ id: String(p.id), name: String(p.name), aliases: list(p.aliases), country: (located.find((l) => l.fromValue === p.id)?.toValue as string) ?? null })),
  };
  const dir = path.join(PROJECT_ROOT, 'seeds', 'datasets');
  const csv = (file: string) => parse(fs.readFileSync(path.join(dir, file)), { bom: true, columns: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as Record<string, string>[];
  const codes = new Set(data.countries.map((c) => c.code));
  // Leaders (Wikidata): people by their English name, the snapshot's label kept as an alias.
  const english = englishLabels();
  const people = new Map(data.people.map((p) => [matchKey(p.name), p]));
  for (const r of csv('wikidata-leaders.csv')) {
    const code = (r.iso2 ?? '').toUpperCase();
    if (!codes.has(code) || !r.person || /^Q\d+$/.test(r.person)) continue;
    if ((r.end ?? '') && r.end! < '1945') continue;
    const name = english.get(r.person_qid ?? '') ?? r.person;
    const known = people.get(matchKey(name));
    if (known) {
      if (!known.countries.includes(code)) known.countries.push(code);
      continue;
    }
    const person = { id: `wd-${r.person_qid}`, name, aliases: name === r.person ? [] : [r.person], countries: [code] };
    people.set(matchKey(name), person);
    data.people.push(person);
  }
  // Cities of the diplomatic missions (Wikidata), in the state that hosts them.
  const byName = new Map<string, string>();
  for (const c of data.countries) for (const n of [c.name, ...c.aliases]) byName.set(matchKey(n), c.code);
  const cities = new Set(data.cities.map((c) => matchKey(c.name)));
  for (const r of csv('wikidata-diplomatic-missions.csv')) {
    const name = r.city ?? '';
    if (!name || /^Q\d+$/.test(name) || cities.has(matchKey(name))) continue;
    cities.add(matchKey(name));
    data.cities.push({ id: `wd-${r.city_qid}`, name, aliases: [], country: byName.get(matchKey(r.host_country ?? '')) ?? null });
  }
  return new Gazetteer(data);
}

// ---------- the parts ----------

interface Article {
  part: 'seed' | 'dev' | 'test';
  file: string;
  text: string;
  date: string | null;
  gold: Fact[];
}

interface SeedGold {
  articles: { file: string; source: { date: string }; facts: { type: string; subject: string; object: string; city?: string; role?: string; status: string; date: string | null; precision: string | null }[] }[];
}

function seedArticles(dir: string): Article[] {
  const gold = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'eval', 'ingest-gold.json'), 'utf8')) as SeedGold;
  return gold.articles.map((a) => ({
    part: 'seed',
    file: a.file,
    text: fs.readFileSync(path.join(dir, a.file), 'utf8'),
    date: a.source.date,
    gold: a.facts.map((f) => {
      const date = dateString(f.date, f.precision);
      const person = (id: string) => (isCode(id) ? id : id.replace(/-/g, ' '));
      if (f.type === 'DOES_NOT_RECOGNIZE') return { type: 'RECOGNIZES', subject: f.subject, object: f.object, status: 'no', date };
      if (f.type === 'OPENS_EMBASSY_IN') return { type: f.type, subject: f.subject, object: f.city ?? f.object, status: f.status === 'DONE' ? 'opened' : 'pledged', date };
      const office = `${f.status === 'ENDED' ? 'former ' : ''}${f.role ?? ''}`;
      // ANNOUNCED is "agreed" for relations and, for a recognition said to be coming, the guide's "pledged" (as proposals are scored).
      const status = f.type === 'HAS_DIPLOMATIC_RELATIONS_WITH' ? (f.status === 'ANNOUNCED' ? 'agreed' : null) : f.type === 'HOLDS_OFFICE' ? office : f.status === 'PLEDGED' || (f.type === 'RECOGNIZES' && f.status === 'ANNOUNCED') ? 'pledged' : null;
      return { type: f.type, subject: person(f.subject), object: f.object, status, date };
    }),
  }));
}

/** The corpus: `date:` line, blank line, text; gold from each part's gold.json; articles 11 and up are the test split. */
function corpusArticles(dir: string): Article[] {
  const out: Article[] = [];
  for (const part of fs.readdirSync(dir).filter((d) => /^part-/.test(d)).sort()) {
    const gold = JSON.parse(fs.readFileSync(path.join(dir, part, 'gold.json'), 'utf8')) as (Fact & { article: string })[];
    for (const file of fs.readdirSync(path.join(dir, part)).filter((f) => /^\d+-.*\.txt$/.test(f)).sort()) {
      const raw = fs.readFileSync(path.join(dir, part, file), 'utf8');
      const date = /^date:\s*(\S+)/m.exec(raw)?.[1] ?? 'unknown';
      const text = raw.replace(/^(source|date):.*\n/gm, '').replace(/^\s+/, '');
      out.push({
        part: Number.parseInt(file, 10) >= 11 ? 'test' : 'dev',
        file: `${part}/${file}`,
        text,
        date: date === 'unknown' ? null : date,
        gold: gold.filter((g) => g.article === file).map((g) => ({ ...g, status: g.status ?? null, date: g.date ?? null })),
      });
    }
  }
  return out;
}

function option(name: string): string[] {
  return process.argv.flatMap((a, i) => (a === name && process.argv[i + 1] ? [process.argv[i + 1]!] : []));
}

function main(): void {
  const corpus = path.resolve(option('--corpus')[0] ?? path.join(PROJECT_ROOT, '..', 'shared', 'eval-articles'));
  const seedDir = path.resolve(option('--seed-dir')[0] ?? path.join(PROJECT_ROOT, '..', 'shared', 'seed-articles'));
  const parts = option('--part').length > 0 ? option('--part') : ['seed', 'dev', 'test'];
  const explain = process.argv.includes('--explain');
  if (explain && parts.includes('test')) {
    console.error('--explain lists errors for seed and dev only: the test split is scored, never read while tuning. Pass --part dev.');
    process.exit(2);
  }
  const articles: Article[] = [];
  if (parts.includes('seed')) {
    if (fs.existsSync(seedDir)) articles.push(...seedArticles(seedDir));
    else console.log(`The seed articles are missing (${seedDir}): part "seed" not scored.`);
  }
  if (parts.includes('dev') || parts.includes('test')) {
    if (fs.existsSync(corpus)) articles.push(...corpusArticles(corpus).filter((a) => parts.includes(a.part)));
    else console.log(`The article corpus is missing (${corpus}; it sits beside the clone in CI, or pass --corpus): parts dev and test not scored.`);
  }
  if (articles.length === 0) {
    console.error('Nothing to score.');
    process.exit(1);
  }
  const gazetteer = evalGazetteer();
  const scores = new Map<string, Map<string, Score>>();
  const lines: string[] = [];
  for (const a of articles) {
    const byType = scores.get(a.part) ?? scores.set(a.part, new Map()).get(a.part)!;
    const score = (type: string) => byType.get(type) ?? byType.set(type, empty()).get(type)!;
    const proposed = extract({ text: a.text, date: a.date }, gazetteer).flatMap(toFacts);
    const why: string[] = [];
    scoreArticle(a.gold, proposed, score, why);
    if (explain && why.length > 0) lines.push(`${a.part} ${a.file}`, ...why);
  }
  const ratio = (x: number, y: number) => (y === 0 ? '-' : (x / y).toFixed(2));
  const f1 = (s: Score) => (s.proposed + s.gold === 0 ? '-' : ((2 * s.matched) / (s.proposed + s.gold)).toFixed(2));
  const result: Record<string, unknown> = {};
  for (const part of ['seed', 'dev', 'test'].filter((p) => scores.has(p))) {
    const byType = scores.get(part)!;
    const n = articles.filter((a) => a.part === part).length;
    const table = new Table({ style: { head: [], border: [] }, head: ['relation', 'gold', 'proposed', 'correct', 'precision', 'recall', 'F1', 'date right', 'status right', 'polarity errors', 'soft found'] });
    const total = empty();
    for (const [type, s] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
      table.push([type, s.gold, s.proposed, s.matched, ratio(s.matched, s.proposed), ratio(s.matched, s.gold), f1(s), ratio(s.dates, s.matched), ratio(s.statuses, s.matched), s.polarity, `${s.softMatched}/${s.softGold}`]);
      for (const k of Object.keys(total) as (keyof Score)[]) total[k] += s[k];
    }
    table.push(['all', total.gold, total.proposed, total.matched, ratio(total.matched, total.proposed), ratio(total.matched, total.gold), f1(total), ratio(total.dates, total.matched), ratio(total.statuses, total.matched), total.polarity, `${total.softMatched}/${total.softGold}`]);
    console.log(`\n${part}: ${n} articles`);
    console.log(table.toString());
    result[part] = { total, types: Object.fromEntries(byType) };
  }
  if (explain) console.log(['', 'Errors (miss: a gold fact not proposed; false: a proposal no gold fact has; POLARITY: the opposite of a gold fact):', ...lines].join('\n'));
  const json = option('--json')[0];
  if (json) fs.writeFileSync(json, JSON.stringify(result, null, 1));
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
