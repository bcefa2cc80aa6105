import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../src/auth';
import type { Neo4jConnection } from '../../src/config';
import { startLocalNeo4j, type LocalNeo4j, type LocalNeo4jOptions } from '../../src/graph/local-neo4j';
import { seed } from '../../src/graph/seed';
import { fingerprint, ownNeo4jOptions, TestApi } from '../helpers';
import { smallSeed } from '../small-seed';

/** Ingesting writes Sources, candidates and (on accept) facts: it gets a seeded Neo4j of its own. */
jest.setTimeout(180_000);

const editor: Actor = { name: 'test-analyst', role: 'editor' };
const reader: Actor = { name: 'test-reader', role: 'reader' };
const article = (name: string) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'articles', name), 'utf8');

let options: LocalNeo4jOptions;
let neo4jServer: LocalNeo4j;
let api: TestApi;

beforeAll(async () => {
  options = await ownNeo4jOptions('ingest');
  neo4jServer = await startLocalNeo4j(options);
  const connection: Neo4jConnection = { uri: neo4jServer.boltUri, user: 'neo4j', password: '', database: 'neo4j' };
  api = await new TestApi(connection).start();
  await seed(api.graph, undefined, smallSeed);
});

afterAll(async () => {
  await api?.stop();
  await neo4jServer?.stop();
  fs.rmSync(options.home, { recursive: true, force: true });
});

const INGEST = `mutation ($input: ArticleInput!) {
  ingestArticle(input: $input) {
    created note
    source { id publisher title date url }
    candidates {
      id type status claim confidence date datePrecision dateText role
      subject { kind id name known } object { id name } city { id name }
      parties { id } signatories { id name known } mediators { id }
      flags { kind message } evidence { start end text }
    }
  }
}`;
const ACCEPT = `mutation ($id: ID!, $edit: CandidateEdit) { acceptCandidate(id: $id, edit: $edit) { id status reviewedBy fact } }`;
const REJECT = `mutation ($id: ID!, $reason: String) { rejectCandidate(id: $id, reason: $reason) { id status reviewedBy reviewNote } }`;

interface Candidate {
  id: string;
  type: string;
  status: string;
  claim: string;
  date: string | null;
  role: string | null;
  subject: { kind: string; id: string; name: string; known: boolean } | null;
  object: { id: string } | null;
  city: { name: string } | null;
  parties: { id: string }[];
  signatories: { id: string; name: string; known: boolean }[];
  flags: { kind: string; message: string }[];
  evidence: { start: number; end: number; text: string };
}

async function ingest(text: string, source: Record<string, string>) {
  return (await api.data<{ ingestArticle: { created: number; note: string | null; source: { id: string }; candidates: Candidate[] } }>(INGEST, { input: { text, ...source } }, editor)).ingestArticle;
}

/** The graph's facts and named things, without the review queue and the audit trail. */
async function facts(): Promise<string> {
  const { records } = await api.graph.driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE NOT a:Candidate AND NOT a:Change AND NOT b:Change
     WITH r ORDER BY type(r), r.id RETURN collect([type(r), properties(r)]) AS facts`,
  );
  return JSON.stringify(records[0]!.get('facts'));
}

const wire = { publisher: 'Test Wire', title: 'Kosovo and Israel to establish relations', date: '2021-02-01', url: 'https://example.org/test-wire/kosovo-israel' };
const find = (list: Candidate[], type: string, subject?: string) => list.find((c) => c.type === type && (!subject || c.subject?.id === subject));

describe('reading an article', () => {
  let first: Awaited<ReturnType<typeof ingest>>;

  beforeAll(async () => {
    first = await ingest(article('kosovo-israel.txt'), wire);
  });

  it('stores the article as a source and proposes each fact it states, resolved to the graph, with its evidence', () => {
    expect(first.source).toMatchObject({ publisher: 'Test Wire', date: '2021-02-01' });
    const summary = first.candidates.map((c) => [c.type, c.subject?.id ?? c.parties.map((p) => p.id).sort().join('+'), c.object?.id ?? null, c.claim]).sort();
    expect(summary).toEqual(
      [
        ['AGREEMENT', 'IL+XK', null, 'ANNOUNCED'],
        ['DOES_NOT_RECOGNIZE', 'CN', 'XK', 'DONE'],
        ['DOES_NOT_RECOGNIZE', 'RS', 'XK', 'DONE'],
        ['DOES_NOT_RECOGNIZE', 'RU', 'XK', 'DONE'],
        ['HAS_DIPLOMATIC_RELATIONS_WITH', 'IL', 'XK', 'ANNOUNCED'],
        ['HOLDS_OFFICE', 'gabi-ashkenazi', 'IL', 'DONE'],
        ['HOLDS_OFFICE', 'meliza-haradinaj-stublla', 'XK', 'DONE'],
        ['OPENS_EMBASSY_IN', 'XK', 'IL', 'PLEDGED'],
      ].sort(),
    );
    const relations = find(first.candidates, 'HAS_DIPLOMATIC_RELATIONS_WITH')!;
    expect(relations).toMatchObject({ date: '2021-02-01' });
    expect(article('kosovo-israel.txt').slice(relations.evidence.start, relations.evidence.end)).toBe(relations.evidence.text);
    expect(relations.evidence.text).toMatch(/^Kosovo and Israel will establish diplomatic relations/);
    expect(find(first.candidates, 'AGREEMENT')!.signatories.map((s) => s.id).sort()).toEqual(['gabi-ashkenazi', 'meliza-haradinaj-stublla']);
    expect(find(first.candidates, 'OPENS_EMBASSY_IN')!.city!.name).toBe('Jerusalem');
    expect(first.candidates.every((c) => c.status === 'PENDING')).toBe(true);
  });

  it('flags what the graph already holds instead of merging it silently', () => {
    const refusal = find(first.candidates, 'DOES_NOT_RECOGNIZE', 'RS')!;
    expect(refusal.flags.map((f) => f.kind)).toContain('ALREADY_KNOWN');
    expect(refusal.flags.find((f) => f.kind === 'ALREADY_KNOWN')!.message).toContain('nonrec-RS-XK');
    expect(find(first.candidates, 'AGREEMENT')!.flags[0]!.message).toContain('xk-il-diplomatic-relations-2021');
  });

  it('proposes nothing new when the same article is ingested again', async () => {
    const before = await fingerprint(api.graph);
    const again = await ingest(article('kosovo-israel.txt'), wire);
    expect(again.created).toBe(0);
    expect(again.candidates.map((c) => c.id).sort()).toEqual(first.candidates.map((c) => c.id).sort());
    expect(again.source.id).toBe(first.source.id);
    expect(await fingerprint(api.graph)).toBe(before);
  });

  it('lists the pending candidates of the article in the review queue', async () => {
    const { candidates } = await api.data<{ candidates: { id: string; source: { id: string } }[] }>(
      `query ($source: ID) { candidates(source: $source) { id source { id } } }`,
      { source: first.source.id },
      reader,
    );
    expect(candidates.map((c) => c.id).sort()).toEqual(first.candidates.map((c) => c.id).sort());
  });

  it('keeps an article whose facts nobody has accepted out of the public list of sources, and shows it to a reader', async () => {
    const listed = async (actor: Actor | null) =>
      (await api.data<{ sources: { id: string }[] }>('{ sources { id } }', {}, actor)).sources.map((s) => s.id);
    expect(await listed(null)).not.toContain(first.source.id);
    expect(await listed(reader)).toContain(first.source.id);
  });

  it('accepting a candidate writes its fact with the article as a source, audited, and the contract queries answer with it', async () => {
    const embassy = find(first.candidates, 'OPENS_EMBASSY_IN')!;
    const accepted = await api.data<{ acceptCandidate: { status: string; reviewedBy: string; fact: string } }>(ACCEPT, { id: embassy.id }, editor);
    expect(accepted.acceptCandidate).toMatchObject({ status: 'ACCEPTED', reviewedBy: 'test-analyst' });
    const { embassies } = await api.data<{ embassies: { history: { status: string; sources: { publisher: string }[] }[] }[] }>(
      `{ embassies(city: "Jerusalem", country: "XK") { history { status sources { publisher } } } }`,
    );
    const pledge = embassies[0]!.history.find((e) => e.status === 'PLEDGED')!;
    expect(pledge.sources.map((s) => s.publisher)).toContain('Test Wire');
    const { history } = await api.data<{ history: { mutation: string; actor: string }[] }>(`query ($of: ID!) { history(of: $of) { mutation actor } }`, { of: accepted.acceptCandidate.fact }, reader);
    // the fact's own write and the review that caused it
    expect(history.map((h) => h.mutation).sort()).toEqual(['acceptCandidate', 'recordEmbassyEvent']);
    expect(history.every((h) => h.actor === 'test-analyst')).toBe(true);
  });

  it('lists the article among the public sources once one of its facts is accepted', async () => {
    const { sources } = await api.data<{ sources: { id: string }[] }>('{ sources { id } }');
    expect(sources.map((s) => s.id)).toContain(first.source.id);
  });

  it('accepting an already known fact adds the source and no second relationship', async () => {
    const refusal = find(first.candidates, 'DOES_NOT_RECOGNIZE', 'RU')!;
    await api.data(ACCEPT, { id: refusal.id }, editor);
    const { records } = await api.graph.driver.executeQuery(`MATCH (:Country {code: 'RU'})-[r:DOES_NOT_RECOGNIZE]->(:Country {code: 'XK'}) RETURN r.id AS id, r.sources AS sources`);
    expect(records).toHaveLength(1);
    expect(records[0]!.get('id')).toBe('nonrec-RU-XK');
    expect(records[0]!.get('sources')).toContain(first.source.id);
  });

  it('rejecting a candidate changes none of the facts', async () => {
    const before = await facts();
    const rejected = await api.data<{ rejectCandidate: { status: string; reviewNote: string } }>(REJECT, { id: find(first.candidates, 'DOES_NOT_RECOGNIZE', 'CN')!.id, reason: 'not needed twice' }, editor);
    expect(rejected.rejectCandidate).toMatchObject({ status: 'REJECTED', reviewNote: 'not needed twice' });
    expect(await facts()).toBe(before);
  });

  it('refuses to review a candidate twice, and readers may not review', async () => {
    const rejectedAgain = await api.query(REJECT, { id: find(first.candidates, 'DOES_NOT_RECOGNIZE', 'CN')!.id }, editor);
    expect(rejectedAgain.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    const byReader = await api.query(ACCEPT, { id: find(first.candidates, 'DOES_NOT_RECOGNIZE', 'RS')!.id }, reader);
    expect(byReader.errors![0]!.extensions?.code).toBe('FORBIDDEN');
    const unknown = await api.query(ACCEPT, { id: 'cand-0000' }, editor);
    expect(unknown.errors![0]!.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('new facts and new people', () => {
  it('accepts a new embassy pledge and a new minister; the person is created from the article', async () => {
    const read = await ingest(article('malawi.txt'), { publisher: 'Test Wire', title: 'Malawi plans an embassy in Jerusalem', date: '2020-11-03', url: 'https://example.org/test-wire/malawi' });
    const office = find(read.candidates, 'HOLDS_OFFICE')!;
    expect(office).toMatchObject({ role: 'Foreign Minister', subject: { id: 'eisenhower-mkaka', known: false }, object: { id: 'MW' } });
    expect(office.flags.map((f) => f.kind)).toEqual(['NEW_PERSON']);
    const embassy = find(read.candidates, 'OPENS_EMBASSY_IN')!;
    expect(embassy).toMatchObject({ subject: { id: 'MW' }, object: { id: 'IL' }, claim: 'PLEDGED', date: '2020-11-03' });

    await api.data(ACCEPT, { id: office.id }, editor);
    await api.data(ACCEPT, { id: embassy.id, edit: { note: 'announced during a visit to Israel' } }, editor);
    const { person } = await api.data<{ person: { id: string; offices: { role: string; country: { code: string }; sources: { title: string }[] }[] } }>(
      `{ person(name: "Eisenhower Mkaka") { id offices { role country { code } sources { title } } } }`,
    );
    expect(person.id).toBe('eisenhower-mkaka');
    expect(person.offices).toEqual([{ role: 'Foreign Minister', country: { code: 'MW' }, sources: [{ title: 'Malawi plans an embassy in Jerusalem' }] }]);
    const { embassies } = await api.data<{ embassies: { country: { code: string }; status: string; since: string }[] }>(`{ embassies(city: "Jerusalem", country: "MW") { country { code } status since } }`);
    expect(embassies).toEqual([{ country: { code: 'MW' }, status: 'PLEDGED', since: '2020-11-03' }]);
  });

  it('an analyst can correct a candidate before accepting it', async () => {
    const read = await ingest(article('malawi.txt'), { publisher: 'Second Wire', title: 'Malawi and Jerusalem', date: '2020-11-03', url: 'https://example.org/second-wire/malawi' });
    const office = find(read.candidates, 'HOLDS_OFFICE')!;
    await api.data(ACCEPT, { id: office.id, edit: { role: 'Minister of Foreign Affairs' } }, editor);
    const { person } = await api.data<{ person: { offices: { role: string }[] } }>(`{ person(name: "Eisenhower Mkaka") { offices { role } } }`);
    expect(person.offices.map((o) => o.role).sort()).toEqual(['Foreign Minister', 'Minister of Foreign Affairs']);
  });

  it('flags a withdrawal the article reports as denied', async () => {
    const read = await ingest(article('ghana-denial.txt'), { publisher: 'Test Wire', title: 'Kosovo denies Ghana withdrawal', date: '2019-11-18' });
    const claim = find(read.candidates, 'WITHDRAWAL_CLAIMED')!;
    expect(claim).toMatchObject({ subject: { id: 'GH' }, object: { id: 'XK' }, claim: 'DENIED' });
    expect(claim.flags.map((f) => f.kind).sort()).toEqual(['ALREADY_KNOWN', 'DISPUTED']);
  });
});

describe('every contested state, from the recognition data sets', () => {
  // A made-up wire story: its first three facts are on file (recognition tables), the fourth
  // contradicts the United States' refusal on file, the last is a hypothetical renewal of Panama's
  // recognition of Taiwan, which ended in 2017 (accepted here in this file's own Neo4j only).
  const text = [
    'Spain recognized the State of Palestine on 28 May 2024.',
    "Nauru recognized the People's Republic of China on 24 January 2024.",
    'Saudi Arabia does not recognize Israel.',
    'The United States recognized Palestine on 1 March 2026.',
    'Panama recognized Taiwan on 2 March 2026.',
  ].join(' ');
  let read: Awaited<ReturnType<typeof ingest>>;
  const flagged = (type: string, subject: string, object: string) => {
    const c = read.candidates.find((x) => x.type === type && x.subject?.id === subject && x.object?.id === object);
    expect(c).toBeDefined();
    return c!.flags;
  };

  beforeAll(async () => {
    read = await ingest(text, { publisher: 'Test Wire', title: 'Hypothetical: recognitions around the world', date: '2026-03-03' });
  });

  it('flags a Palestine, PRC or Israel standing the tables hold as known, with the fact on file', () => {
    expect(flagged('RECOGNIZES', 'ES', 'PS')).toEqual([expect.objectContaining({ kind: 'ALREADY_KNOWN', message: expect.stringContaining('rec-ES-PS, since 2024-05-28') })]);
    expect(flagged('RECOGNIZES', 'NR', 'CN').map((f) => f.kind)).toEqual(['ALREADY_KNOWN']);
    expect(flagged('DOES_NOT_RECOGNIZE', 'SA', 'IL')).toEqual([expect.objectContaining({ kind: 'ALREADY_KNOWN', message: expect.stringContaining('nonrec-SA-IL') })]);
  });

  it('flags a recognition the tables contradict, and one reported after a switch as a renewal', () => {
    expect(flagged('RECOGNIZES', 'US', 'PS')).toEqual([expect.objectContaining({ kind: 'CONTRADICTS', message: expect.stringContaining('nonrec-US-PS') })]);
    expect(flagged('RECOGNIZES', 'PA', 'TW')).toEqual([expect.objectContaining({ kind: 'CONTRADICTS', message: expect.stringContaining('ended (rec-PA-TW, on 2017-06-12)') })]);
  });

  it('accepting the renewal keeps the switch in history: Panama recognizes Taiwan again from the new date only', async () => {
    const renewal = read.candidates.find((c) => c.type === 'RECOGNIZES' && c.subject?.id === 'PA' && c.object?.id === 'TW')!;
    const { acceptCandidate } = await api.data<{ acceptCandidate: { fact: string } }>(ACCEPT, { id: renewal.id }, editor);
    expect(acceptCandidate.fact).toBe('rec-PA-TW-2026-03-02');
    const STANDING = `query ($asOf: Date) { recognitionStatuses(of: "TW", asOf: $asOf, first: 300) { items { country { code } status withdrawn } } }`;
    type Page = { recognitionStatuses: { items: { country: { code: string }; status: string; withdrawn: boolean }[] } };
    const panama = async (asOf: string) => (await api.data<Page>(STANDING, { asOf })).recognitionStatuses.items.find((i) => i.country.code === 'PA');
    expect(await panama('2016-01-01')).toMatchObject({ status: 'RECOGNIZES' });
    expect(await panama('2020-01-01')).toMatchObject({ status: 'DOES_NOT_RECOGNIZE', withdrawn: true });
    expect(await panama('2026-03-02')).toMatchObject({ status: 'RECOGNIZES', withdrawn: false });
    const CHANGES = `query ($from: Date!, $to: Date!) { recognitionChanges(of: "TW", from: $from, to: $to) { country { code } change date recognition { id } } }`;
    type Changes = { recognitionChanges: { country: { code: string }; change: string; date: string | null; recognition: { id: string } }[] };
    const changes = async (from: string, to: string) => (await api.data<Changes>(CHANGES, { from, to })).recognitionChanges.filter((c) => c.country.code === 'PA');
    expect(await changes('2016-01-01', '2020-01-01')).toEqual([{ country: { code: 'PA' }, change: 'STOPPED', date: '2017-06-12', recognition: { id: 'rec-PA-TW' } }]);
    expect(await changes('2020-01-01', '2026-03-10')).toEqual([{ country: { code: 'PA' }, change: 'STARTED', date: '2026-03-02', recognition: { id: 'rec-PA-TW-2026-03-02' } }]);
    // ending it ends the renewal, not the recognition that already ended in 2017
    const END = `mutation { endRecognition(input: { country: "PA", recognized: "TW", until: "2026-04-01", source: { title: "Hypothetical end", publisher: "Test Wire" } }) { id until } }`;
    expect((await api.data<{ endRecognition: { id: string; until: string } }>(END, {}, editor)).endRecognition).toEqual({ id: 'rec-PA-TW-2026-03-02', until: '2026-04-01' });
  });
});

describe('input the extractor cannot read', () => {
  const source = { publisher: 'Test Wire', title: 'Noise', date: '2021-02-01' };

  it.each([
    ['empty text', '   \n ', 'text is empty'],
    ['more than 100,000 characters', 'Kosovo will open an embassy in Jerusalem. '.repeat(2_500), 'at most 100000'],
  ])('refuses %s with a clear error and changes nothing', async (_, text, message) => {
    const before = await fingerprint(api.graph);
    const result = await api.query(INGEST, { input: { text, ...source } }, editor);
    expect(result.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toContain(message);
    expect(await fingerprint(api.graph)).toBe(before);
  });

  it.each([
    ['garbage', '#$%^&*() 12345 ;;;; ==== ~~~~ 0x3f 0x40 ]]]] ////', /too few letters/],
    ['German', article('german.txt'), /looks like de, not English/],
  ])('answers %s with an empty proposal and a note, writing nothing', async (_, text, note) => {
    const before = await fingerprint(api.graph);
    const read = await ingest(text, { ...source, title: `Noise: ${_}` });
    expect(read.candidates).toEqual([]);
    expect(read.note).toMatch(note);
    expect(await fingerprint(api.graph)).toBe(before);
  });

  it('reads a long article (90,000 characters) without a crash, one candidate per fact', async () => {
    const text = article('kosovo-israel.txt').repeat(300);
    expect(text.length).toBeGreaterThan(90_000);
    const read = await ingest(text, { ...source, title: 'Long', url: 'https://example.org/test-wire/long' });
    expect(read.candidates).toHaveLength(8);
  });

  it('needs an editor token to ingest', async () => {
    const result = await api.query(INGEST, { input: { text: article('malawi.txt'), ...source } }, reader);
    expect(result.errors![0]!.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('articles dated to a month, or not at all', () => {
  // Made-up wire stories: one sentence with a relative date, one with a full date.
  const text = 'Mongolia recognized Kosovo on Friday. Ghana opened an embassy in Pristina on 5 March 2026.';
  const SOURCE = `query ($id: ID!) { candidate(id: $id) { source { id date datePrecision } } }`;
  const cited = async (candidate: string) => (await api.data<{ candidate: { source: { id: string; date: string | null; datePrecision: string | null } } }>(SOURCE, { id: candidate }, editor)).candidate.source;

  it('accepts a date line of a month: the source keeps its precision, relative dates stay unresolved, full dates are read', async () => {
    const read = await ingest(text, { publisher: 'Test Monthly', title: 'Recognitions this month', date: '2026-03' });
    expect(read.source).toMatchObject({ date: '2026-03-01' });
    const recognition = find(read.candidates, 'RECOGNIZES', 'MN')!;
    expect(recognition).toMatchObject({ date: null, object: { id: 'XK' } });
    const embassy = find(read.candidates, 'OPENS_EMBASSY_IN', 'GH')!;
    expect(embassy).toMatchObject({ date: '2026-03-05', city: { name: 'Pristina' } });
    expect(await cited(embassy.id)).toEqual({ id: read.source.id, date: '2026-03-01', datePrecision: 'MONTH' });
    // accepting works as for any article, citing it
    const { acceptCandidate } = await api.data<{ acceptCandidate: { fact: string; status: string } }>(ACCEPT, { id: embassy.id }, editor);
    expect(acceptCandidate.status).toBe('ACCEPTED');
  });

  it('accepts an article without a date: no date is guessed', async () => {
    const read = await ingest(text, { publisher: 'Test Undated', title: 'Recognitions, undated' });
    expect(read.source).toMatchObject({ date: null });
    expect(find(read.candidates, 'RECOGNIZES', 'MN')).toMatchObject({ date: null });
    expect(find(read.candidates, 'OPENS_EMBASSY_IN', 'GH')).toMatchObject({ date: '2026-03-05' });
    expect(await cited(read.candidates[0]!.id)).toEqual({ id: read.source.id, date: null, datePrecision: null });
  });

  it('a date line to the month and one to its first day are two articles', async () => {
    const month = await ingest('Mongolia recognized Kosovo.', { publisher: 'Test Monthly', title: 'Same title', date: '2026-04' });
    const day = await ingest('Mongolia recognized Kosovo.', { publisher: 'Test Monthly', title: 'Same title', date: '2026-04-01' });
    expect(month.source.id).not.toBe(day.source.id);
  });

  it.each([['2026-13'], ['2026-02-30'], ['March 2026'], ['26-03']])('refuses a date line %s that is no day, month or year', async (date) => {
    const result = await api.query(INGEST, { input: { text, publisher: 'Test Monthly', title: `Bad date ${date}`, date } }, editor);
    expect(result.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('a claim and its denial; facts that end', () => {
  // Made-up wire stories about real states (hypothetical events, dated 2026).
  it('a withdrawal claim and its denial in one article are two candidates, both DISPUTED; accepting them records one disputed claim', async () => {
    const text = "Tuvalu's foreign ministry said on Monday it had withdrawn its recognition of Kosovo. Tuvalu's president denied it on Wednesday, saying no such decision was taken.";
    const read = await ingest(text, { publisher: 'Test Wire', title: 'Hypothetical: a disputed withdrawal', date: '2026-03-06', url: 'https://example.org/test-wire/disputed-withdrawal' });
    const claims = read.candidates.filter((c) => c.type === 'WITHDRAWAL_CLAIMED' && c.subject?.id === 'TV' && c.object?.id === 'XK');
    expect(claims.map((c) => `${c.claim} ${c.date}`).sort()).toEqual(['DENIED 2026-03-04', 'DONE 2026-03-02']);
    expect(new Set(claims.map((c) => c.id)).size).toBe(2);
    for (const c of claims) expect(c.flags.map((f) => f.kind)).toContain('DISPUTED');
    expect(read.candidates.some((c) => c.type === 'RECOGNIZES' && c.subject?.id === 'TV' && c.claim !== 'DONE')).toBe(false);
    const [denial, claim] = [claims.find((c) => c.claim === 'DENIED')!, claims.find((c) => c.claim === 'DONE')!];
    expect((await api.data<{ acceptCandidate: { fact: string } }>(ACCEPT, { id: claim.id }, editor)).acceptCandidate.fact).toBe('withdrawal-claim-TV-XK');
    expect((await api.data<{ acceptCandidate: { fact: string } }>(ACCEPT, { id: denial.id }, editor)).acceptCandidate.fact).toBe('withdrawal-claim-TV-XK');
    // one claim on file, dated when it was made (the denial does not move it), citing the article
    const { records } = await api.graph.driver.executeQuery(`MATCH (:Country {code: 'TV'})-[r:WITHDRAWAL_CLAIMED]->(:Country {code: 'XK'}) RETURN count(r) AS n, toString(max(r.validFrom)) AS since`);
    expect([Number(records[0]!.get('n')), records[0]!.get('since')]).toEqual([1, '2026-03-02']);
  });

  it('a denial of relations is never written as relations', async () => {
    const read = await ingest("Reports said Tuvalu had established diplomatic relations with Kosovo on Monday. Tuvalu's foreign ministry denied it.", { publisher: 'Test Wire', title: 'Hypothetical: relations denied', date: '2026-03-06' });
    const denial = read.candidates.find((c) => c.type === 'HAS_DIPLOMATIC_RELATIONS_WITH' && c.claim === 'DENIED')!;
    expect(denial.flags.map((f) => f.kind)).toContain('DISPUTED');
    const before = await facts();
    const refused = await api.query(ACCEPT, { id: denial.id }, editor);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await facts()).toBe(before);
  });

  it('a signing witnessed by someone: a candidate with its witnesses, who are recorded as signatories in the role "witness"', async () => {
    const text = 'Kosovo and Montenegro signed a hypothetical transit agreement on 5 May 2026. The signing was witnessed by Albanian envoy Arben Kolari, a person made up for this test.';
    const read = await api.data<{ ingestArticle: { candidates: { id: string; type: string; signatories: { id: string }[]; witnesses: { id: string; name: string; known: boolean }[] }[] } }>(
      `mutation ($input: ArticleInput!) { ingestArticle(input: $input) { candidates { id type signatories { id } witnesses { id name known } } } }`,
      { input: { text, publisher: 'Test Wire', title: 'Hypothetical: a witnessed signing', date: '2026-05-06', url: 'https://example.org/test-wire/witness' } },
      editor,
    );
    const deal = read.ingestArticle.candidates.find((c) => c.type === 'AGREEMENT')!;
    expect(deal.signatories).toEqual([]);
    expect(deal.witnesses).toEqual([{ id: 'arben-kolari', name: 'Arben Kolari', known: false }]);
    const accepted = await api.data<{ acceptCandidate: { fact: string } }>(ACCEPT, { id: deal.id }, editor);
    const { agreements } = await api.data<{ agreements: { id: string; parties: { id: string }[]; signatories: { person: { id: string }; role: string | null }[] }[] }>(
      `{ agreements(between: ["XK", "ME"]) { id parties { id } signatories { person { id } role } } }`,
    );
    const agreement = agreements.find((a) => a.id === accepted.acceptCandidate.fact)!;
    expect(agreement.parties.map((p) => p.id).sort()).toEqual(['ME', 'XK']);
    expect(agreement.signatories).toEqual([{ person: { id: 'arben-kolari' }, role: 'witness' }]);
  });

  it('severed ties, a switched recognition and a closed embassy are accepted as ends, and the graph shows them', async () => {
    const text = [
      'Tuvalu switched recognition from Taiwan to China on 2 March 2026.',
      'Tuvalu also severed diplomatic ties with Taiwan on 2 March 2026.',
      'Paraguay closed its embassy in Jerusalem on 4 March 2026.',
    ].join(' ');
    const read = await ingest(text, { publisher: 'Test Wire', title: 'Hypothetical: ends', date: '2026-03-06', url: 'https://example.org/test-wire/ends' });
    const pick = (type: string, subject: string, object: string, claim: string) => {
      const c = read.candidates.find((x) => x.type === type && x.subject?.id === subject && x.object?.id === object && x.claim === claim);
      expect(c).toBeDefined();
      return c!;
    };
    const ended = pick('RECOGNIZES', 'TV', 'TW', 'ENDED');
    const china = pick('RECOGNIZES', 'TV', 'CN', 'DONE');
    const ties = read.candidates.find((x) => x.type === 'HAS_DIPLOMATIC_RELATIONS_WITH' && x.claim === 'ENDED' && [x.subject?.id, x.object?.id].sort().join() === 'TV,TW')!;
    const closed = pick('OPENS_EMBASSY_IN', 'PY', 'IL', 'ENDED');
    expect([ended.date, ties.date, closed.date, closed.city?.name]).toEqual(['2026-03-02', '2026-03-02', '2026-03-04', 'Jerusalem']);
    for (const c of [ended, china, ties, closed]) await api.data(ACCEPT, { id: c.id }, editor);

    const STANDING = `query ($of: ID!, $asOf: Date) { recognitionStatuses(of: $of, asOf: $asOf, first: 300) { items { country { code } status withdrawn } } }`;
    type Page = { recognitionStatuses: { items: { country: { code: string }; status: string; withdrawn: boolean }[] } };
    const tuvalu = async (of: string, asOf: string) => (await api.data<Page>(STANDING, { of, asOf })).recognitionStatuses.items.find((i) => i.country.code === 'TV');
    expect(await tuvalu('TW', '2026-03-01')).toMatchObject({ status: 'RECOGNIZES' });
    expect(await tuvalu('TW', '2026-03-10')).toMatchObject({ status: 'DOES_NOT_RECOGNIZE', withdrawn: true });
    expect(await tuvalu('CN', '2026-03-10')).toMatchObject({ status: 'RECOGNIZES' });
    const { country } = await api.data<{ country: { diplomaticRelations: { country: { code: string }; until: string | null }[] } }>(`{ country(code: "TV") { diplomaticRelations(with: "TW") { country { code } until } } }`);
    expect(country.diplomaticRelations).toEqual([{ country: { code: 'TW' }, until: '2026-03-02' }]);
    type Embassies = { embassies: { status: string; since: string; history: { status: string }[] }[] };
    const EMBASSY = `query ($asOf: Date) { embassies(city: "Jerusalem", country: "PY", asOf: $asOf) { status since history { status } } }`;
    const after = (await api.data<Embassies>(EMBASSY, { asOf: '2026-03-10' })).embassies;
    expect(after).toEqual([expect.objectContaining({ status: 'CLOSED', since: '2026-03-04' })]);
    expect(after[0]!.history.map((h) => h.status)).toContain('OPENED');
    expect((await api.data<Embassies>(EMBASSY, { asOf: '2026-03-01' })).embassies[0]!.status).not.toBe('CLOSED');
    // filtering by the new status
    const { embassies } = await api.data<{ embassies: { country: { code: string } }[] }>(`{ embassies(city: "Jerusalem", status: CLOSED, asOf: "2026-03-10") { country { code } } }`);
    expect(embassies.map((e) => e.country.code)).toEqual(['PY']);
  });
});
