import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { createContext } from '../context';
import { createDriver } from '../graph/driver';
import { Graph } from '../graph/graph';
import { createRepositories } from '../graph/repositories';
import { createServer } from '../server';

const USAGE = `Usage: npm run ingest -- <article.txt> --publisher "Publisher" [--date YYYY-MM-DD|YYYY-MM|YYYY] [--title "Title"] [--url https://...] [--json]

Reads the article, stores it as a Source and proposes candidate facts for review, through the same
GraphQL mutation as the API (ingestArticle), against the configured Neo4j (NEO4J_URI, else the local
one started by \`npm start\` or \`npm run neo4j\`). The title defaults to the file's first line.
Review them with the candidates query and acceptCandidate / rejectCandidate.`;

const INGEST = /* GraphQL */ `
  mutation Ingest($input: ArticleInput!) {
    ingestArticle(input: $input) {
      created
      note
      source { id publisher title date }
      candidates {
        id type status claim confidence date datePrecision dateText role
        subject { id name known } object { id name known } city { name }
        parties { id } signatories { id name } mediators { id name }
        flags { kind message }
        evidence { start end }
      }
    }
  }
`;

interface Result {
  created: number;
  note: string | null;
  source: { id: string; publisher: string; title: string; date: string };
  candidates: {
    id: string;
    type: string;
    claim: string;
    confidence: number;
    date: string | null;
    role: string | null;
    subject: { id: string; name: string } | null;
    object: { id: string; name: string } | null;
    city: { name: string } | null;
    parties: { id: string }[];
    signatories: { name: string }[];
    mediators: { name: string }[];
    flags: { kind: string }[];
    evidence: { start: number; end: number };
  }[];
}

function describe(c: Result['candidates'][number]): string {
  const what =
    c.type === 'AGREEMENT'
      ? `agreement ${c.parties.map((p) => p.id).join('–')}${c.signatories.length ? `; signed by ${c.signatories.map((s) => s.name).join(', ')}` : ''}${c.mediators.length ? `; mediated by ${c.mediators.map((m) => m.name).join(', ')}` : ''}`
      : `${c.subject?.name} ${c.type} ${c.object?.name ?? '?'}${c.city ? ` (${c.city.name})` : ''}${c.role ? ` as ${c.role}` : ''}`;
  const flags = c.flags.length ? `  [${c.flags.map((f) => f.kind).join(', ')}]` : '';
  return `${c.id}  ${c.claim.padEnd(9)} ${c.confidence.toFixed(2)}  ${c.date ?? '(no date)'}  ${what}${flags}`;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { publisher: { type: 'string' }, date: { type: 'string' }, title: { type: 'string' }, url: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length !== 1 || !values.publisher) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const file = positionals[0]!;
  if (!fs.existsSync(file)) {
    console.error(`No file ${file}.`);
    return 2;
  }
  const text = fs.readFileSync(file, 'utf8');
  const title = values.title ?? (text.split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 200) || file);
  const config = loadConfig();
  const target = config.neo4j ?? { uri: `bolt://127.0.0.1:${config.local.boltPort}`, user: 'neo4j', password: '', database: config.database };
  const graph = new Graph(createDriver(target), target.database);
  const server = createServer({ config: { ...config, limits: { ...config.limits, maxTokens: Number.MAX_SAFE_INTEGER } } });
  await server.start();
  try {
    const actor = { name: `cli:${os.userInfo().username}`, role: 'editor' as const };
    const response = await server.executeOperation<{ ingestArticle: Result }>(
      { query: INGEST, variables: { input: { text, publisher: values.publisher, date: values.date ?? null, title, url: values.url ?? null } } },
      { contextValue: createContext(createRepositories(graph), actor) },
    );
    if (response.body.kind !== 'single') throw new Error('Unexpected incremental response.');
    const { data, errors } = response.body.singleResult;
    if (errors?.length) {
      for (const e of errors) console.error(`${e.extensions?.code ?? 'ERROR'}: ${e.message}`);
      return 2;
    }
    const result = data!.ingestArticle;
    if (values.json) {
      console.log(JSON.stringify(result, null, 2));
      return 0;
    }
    console.log(`Source ${result.source.id}: ${result.source.publisher}, "${result.source.title}" (${result.source.date})`);
    if (result.note) console.log(result.note);
    console.log(`${result.candidates.length} candidates (${result.created} new):`);
    for (const c of result.candidates) console.log(`  ${describe(c)}`);
    return 0;
  } finally {
    await server.stop();
    await graph.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(/ServiceUnavailable|ECONNREFUSED|Could not perform discovery/.test(message) ? `Cannot reach Neo4j: start it with \`npm start\` or \`npm run neo4j\`, or set NEO4J_URI. (${message})` : message);
    process.exit(2);
  },
);
