import fs from 'node:fs';
import path from 'node:path';
import Table from 'cli-table3';
import { planSeeds } from '../graph/seed';
import { PROJECT_ROOT } from '../config';
import { readSeedInputs } from '../graph/seed-inputs';
import { extract, type Proposal } from '../ingest/extract';
import { Gazetteer, type GazetteerData } from '../ingest/gazetteer';

/**
 * `npm run eval:ingest`: runs the extractor on the seed articles and scores it against the gold
 * file (eval/ingest-gold.json), per relation type. Options: --dir <articles>, --gold <file>,
 * --cold (a gazetteer without the people the seed articles introduced), --verbose (every miss and
 * every wrong proposal), --json <file>.
 */

interface GoldFact {
  type: string;
  subject: string;
  object: string;
  city?: string;
  role?: string;
  status: string;
  date: string | null;
  precision: string | null;
}

interface Gold {
  articles: { file: string; source: { publisher: string; date: string; title: string; url: string }; facts: GoldFact[] }[];
}

interface Row {
  type: string;
  subject: string;
  object: string;
  city?: string;
  status: string;
  date: string | null;
  precision: string | null;
  evidence?: string;
}

/** The relationships a proposal stands for: an agreement is one PARTY_TO, SIGNED or MEDIATES per actor. */
export function rows(p: Proposal): Row[] {
  const base = { status: p.claim, date: p.date, precision: p.datePrecision, evidence: p.evidence.text };
  if (p.type === 'AGREEMENT') {
    const agreement = `agreement:${p.parties.map((e) => e.id).sort().join('+')}`;
    return [
      ...p.parties.map((e) => ({ ...base, type: 'PARTY_TO', subject: e.id, object: agreement })),
      ...p.signatories.map((e) => ({ ...base, type: 'SIGNED', subject: e.id, object: agreement })),
      // mediation is something done, whatever the agreement's own state
      ...p.mediators.map((e) => ({ ...base, status: 'DONE', type: 'MEDIATES', subject: e.id, object: agreement })),
    ];
  }
  const [subject, object] = p.type === 'HAS_DIPLOMATIC_RELATIONS_WITH' ? [p.subject!.id, p.object!.id].sort() : [p.subject?.id ?? '?', p.object?.id ?? '?'];
  return [{ ...base, type: p.type, subject: subject!, object: object!, city: p.city?.name }];
}

const key = (r: { type: string; subject: string; object: string; city?: string }) =>
  [r.type, ...(r.type === 'HAS_DIPLOMATIC_RELATIONS_WITH' ? [r.subject, r.object].sort() : [r.subject, r.object]), (r.city ?? '').toLowerCase()].join('|');

/** The gazetteer the service would load after seeding, built from the seed inputs without a database. */
export function seedGazetteer(cold: boolean): Gazetteer {
  const plan = planSeeds(readSeedInputs().map((i) => ({ name: i.name, data: i.data })));
  const nodes = [...plan.nodesByCode, ...plan.nodesById];
  const fromArticles = (props: Record<string, unknown>) => ((props.sources as string[]) ?? []).every((s) => /^(teller|rferl|afp-ibtimes)-/.test(s));
  const offices = plan.relationships.filter((r) => r.type === 'HOLDS_OFFICE');
  const located = plan.relationships.filter((r) => r.type === 'LOCATED_IN');
  const list = (v: unknown) => (v as string[] | undefined) ?? [];
  const data: GazetteerData = {
    countries: nodes.filter((n) => n.label === 'Country').map(({ props: p }) => ({ code: String(p.code), name: String(p.name), aliases: list(p.aliases), demonyms: list(p.demonyms), capitals: list(p.capitals) })),
    organizations: nodes.filter((n) => n.label === 'Organization').map(({ props: p }) => ({ code: String(p.code), name: String(p.name), aliases: list(p.aliases) })),
    people: nodes
      .filter((n) => n.label === 'Person' && !(cold && fromArticles(n.props)))
      .map(({ props: p }) => ({ id: String(p.id), name: String(p.name), aliases: list(p.aliases), countries: offices.filter((o) => o.fromValue === p.id).map((o) => String(o.toValue)) })),
    cities: nodes.filter((n) => n.label === 'City').map(({ props: p }) => ({ id: String(p.id), name: String(p.name), aliases: list(p.aliases), country: (located.find((l) => l.fromValue === p.id)?.toValue as string) ?? null })),
  };
  return new Gazetteer(data);
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const dir = path.resolve(option('--dir') ?? path.join(PROJECT_ROOT, '..', 'shared', 'seed-articles'));
  const goldFile = path.resolve(option('--gold') ?? path.join(PROJECT_ROOT, 'eval', 'ingest-gold.json'));
  const cold = process.argv.includes('--cold');
  const verbose = process.argv.includes('--verbose');
  if (!fs.existsSync(dir)) throw new Error(`No articles in ${dir}; pass --dir <folder with the seed articles>.`);
  const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8')) as Gold;
  const gazetteer = seedGazetteer(cold);
  const stats = new Map<string, { gold: number; proposed: number; matched: number; dates: number; statuses: number }>();
  const stat = (type: string) => stats.get(type) ?? stats.set(type, { gold: 0, proposed: 0, matched: 0, dates: 0, statuses: 0 }).get(type)!;
  const misses: string[] = [];
  const wrong: string[] = [];
  for (const article of gold.articles) {
    const text = fs.readFileSync(path.join(dir, article.file), 'utf8');
    const proposed = new Map<string, Row>();
    for (const p of extract({ text, date: article.source.date }, gazetteer)) for (const r of rows(p)) if (!proposed.has(key(r))) proposed.set(key(r), r);
    const expected = new Map(article.facts.map((f) => [key(f), f]));
    for (const [k, f] of expected) {
      const s = stat(f.type);
      s.gold++;
      const got = proposed.get(k);
      if (!got) {
        misses.push(`${article.file}: missed ${k}`);
        continue;
      }
      s.matched++;
      if (got.date === f.date && got.precision === f.precision) s.dates++;
      else if (verbose) misses.push(`${article.file}: ${k} dated ${got.date} ${got.precision ?? ''}, gold ${f.date} ${f.precision ?? ''}`);
      if (got.status === f.status) s.statuses++;
      else if (verbose) misses.push(`${article.file}: ${k} status ${got.status}, gold ${f.status}`);
    }
    for (const [k, r] of proposed) {
      stat(r.type).proposed++;
      if (!expected.has(k)) wrong.push(`${article.file}: wrong ${k}  <- "${r.evidence?.slice(0, 90)}"`);
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? '-' : (a / b).toFixed(2));
  const table = new Table({ head: ['relation', 'gold', 'proposed', 'correct', 'precision', 'recall', 'date right', 'status right'] });
  const total = { gold: 0, proposed: 0, matched: 0, dates: 0, statuses: 0 };
  const result: Record<string, unknown> = {};
  for (const [type, s] of [...stats].sort(([a], [b]) => a.localeCompare(b))) {
    table.push([type, s.gold, s.proposed, s.matched, ratio(s.matched, s.proposed), ratio(s.matched, s.gold), ratio(s.dates, s.matched), ratio(s.statuses, s.matched)]);
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += s[k];
    result[type] = { ...s, precision: s.matched / (s.proposed || 1), recall: s.matched / (s.gold || 1) };
  }
  table.push(['all', total.gold, total.proposed, total.matched, ratio(total.matched, total.proposed), ratio(total.matched, total.gold), ratio(total.dates, total.matched), ratio(total.statuses, total.matched)]);
  console.log(`Extractor on ${gold.articles.length} articles against ${path.relative(process.cwd(), goldFile)}${cold ? ' (cold: no people from the seed articles in the gazetteer)' : ''}`);
  console.log(table.toString());
  if (verbose || process.argv.includes('--errors')) for (const line of [...misses, ...wrong]) console.log(line);
  else console.log(`${misses.length} missed, ${wrong.length} wrong (--verbose lists them)`);
  const json = option('--json');
  if (json) fs.writeFileSync(json, JSON.stringify({ cold, types: result, total }, null, 1));
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
