import fs from 'node:fs';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { loadConfig, type Neo4jConnection } from '../config';
import { createDriver } from '../graph/driver';
import { toPlain } from '../graph/plain';

const USAGE = `Usage: npm run cypher -- <file.cypher | "inline query"> [--param name=value ...] [--format table|json|csv] [--write]

Runs one Cypher query against the configured Neo4j (NEO4J_URI, else the local one on
127.0.0.1:NEO4J_BOLT_PORT) and prints the result. Read-only unless --write is given.
A --param value is parsed as JSON when it can be, else taken as a string. A file's line 2,
"// params: {...}", supplies example values for parameters not given.`;

export class RunnerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunnerError';
  }
}

export interface RunOptions {
  query: string;
  params: Record<string, unknown>;
  format: 'table' | 'json' | 'csv';
  write: boolean;
}

/** Reads the command line; the query may be a .cypher file or inline text. */
export function parseCommandLine(argv: string[]): RunOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      param: { type: 'string', multiple: true, short: 'p' },
      format: { type: 'string', default: 'table' },
      write: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new RunnerError(`Give exactly one query or .cypher file.\n\n${USAGE}`);
  const format = values.format;
  if (format !== 'table' && format !== 'json' && format !== 'csv') throw new RunnerError(`--format must be table, json or csv; got ${format}.`);

  const target = positionals[0]!;
  let query = target;
  let params: Record<string, unknown> = {};
  if (target.endsWith('.cypher')) {
    if (!fs.existsSync(target)) throw new RunnerError(`No such file: ${target}`);
    query = fs.readFileSync(target, 'utf8');
    const example = /^\/\/ params: (.*)$/m.exec(query.split('\n').slice(0, 3).join('\n'));
    if (example) {
      try {
        params = JSON.parse(example[1]!);
      } catch {
        throw new RunnerError(`${target}: the "// params:" line is not valid JSON.`);
      }
    }
  }
  for (const pair of values.param ?? []) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new RunnerError(`--param takes name=value; got ${JSON.stringify(pair)}.`);
    const raw = pair.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON: a plain string such as XK or 2010-01-01.
    }
    params[pair.slice(0, eq)] = typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : value;
  }
  return { query, params, format, write: values.write ?? false };
}

/** The result as text in the chosen format. */
export function render(keys: string[], rows: Record<string, unknown>[], format: RunOptions['format']): string {
  if (format === 'json') return JSON.stringify(rows, null, 2);
  const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  if (format === 'csv') return stringify([keys, ...rows.map((r) => keys.map((k) => cell(r[k])))]).trimEnd();
  const plain = !process.stdout.isTTY; // no colour codes when piped or captured
  const table = new Table({ head: keys, wordWrap: true, ...(plain ? { style: { head: [], border: [] } } : {}) });
  rows.forEach((r) => table.push(keys.map((k) => cell(r[k]))));
  return `${table.toString()}\n${rows.length} row${rows.length === 1 ? '' : 's'}`;
}

/** What went wrong, in words an analyst can act on. */
export function explain(error: unknown, uri: string): string {
  if (error instanceof RunnerError) return error.message;
  if (error instanceof Neo4jError) {
    if (error.code === 'Neo.ClientError.Statement.SyntaxError') return `Cypher syntax error:\n${error.message}`;
    if (error.code === 'Neo.ClientError.Statement.ParameterMissing') return `${error.message}. Pass it with --param name=value.`;
    if (error.code === 'Neo.ClientError.Statement.AccessMode') return 'This query writes to the graph; the runner is read-only unless you add --write.';
    if (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired') {
      return `Cannot reach Neo4j at ${uri}. Start the local one with \`npm run neo4j\` (or \`npm start\`), or set NEO4J_URI.`;
    }
    return `Neo4j refused the query (${error.code}):\n${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs the command line; returns the exit code (0 ok, 2 the query or its setup failed). */
export async function runCypher(argv: string[], connection?: Neo4jConnection, io: Output = { out: console.log, err: console.error }): Promise<number> {
  let options: RunOptions;
  try {
    options = parseCommandLine(argv);
  } catch (error) {
    io.err(explain(error, ''));
    return 2;
  }
  const config = loadConfig();
  const target = connection ??
    config.neo4j ?? { uri: `bolt://127.0.0.1:${config.local.boltPort}`, user: 'neo4j', password: '', database: config.database };
  const driver = createDriver(target);
  const session = driver.session({ database: target.database, defaultAccessMode: options.write ? neo4j.session.WRITE : neo4j.session.READ });
  try {
    const work = (tx: { run: (q: string, p: Record<string, unknown>) => Promise<import('neo4j-driver').QueryResult> }) => tx.run(options.query, options.params);
    const result = options.write ? await session.executeWrite(work) : await session.executeRead(work);
    const keys = result.records[0]?.keys.map(String) ?? [];
    io.out(render(keys, result.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>), options.format));
    const counters = result.summary.counters;
    if (counters.containsUpdates()) io.err(`Changes: ${JSON.stringify(counters.updates())}`);
    return 0;
  } catch (error) {
    io.err(explain(error, target.uri));
    return 2;
  } finally {
    await session.close();
    await driver.close();
  }
}

if (require.main === module) {
  runCypher(process.argv.slice(2)).then((code) => process.exit(code));
}
