import { parseArgs } from 'node:util';
import { Neo4jError } from 'neo4j-driver';
import { loadConfig, type Neo4jConnection } from '../config';
import { BUNDLED_DATASETS, findDataset } from '../datasets/bundled';
import { DatasetFileError, importDataset } from '../datasets/pipeline';
import { createDriver } from '../graph/driver';
import { Graph } from '../graph/graph';
import { applyConstraints } from '../graph/seed';

const USAGE = `Usage: npm run import -- <dataset> [--file PATH] [--dry-run] [--snapshot-date YYYY-MM-DD] [--report-dir DIR]

Imports one snapshot of a data set into the configured Neo4j (NEO4J_URI, else the local one started
by \`npm start\` or \`npm run neo4j\`), which must hold the seeded world (states are resolved against it).
Without --file, the bundled copy seeds/datasets/<dataset>.csv. Importing the same file again changes
nothing; facts an earlier snapshot listed and this one does not are closed on the snapshot's date
(--snapshot-date where the data set has none), never deleted. Rejected rows are listed with their
line and reason in .import-reports/<dataset>.json (or --report-dir). --dry-run checks and reports,
and writes nothing.

Data sets: ${BUNDLED_DATASETS.map((d) => d.name).join(', ')}`;

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs the command line; returns the exit code (0 imported, 1 refused or failed, 2 wrong usage). */
export async function runImport(argv: string[], connection?: Neo4jConnection, io: Output = { out: console.log, err: console.error }): Promise<number> {
  let values: { file?: string; 'dry-run'?: boolean; 'snapshot-date'?: string; 'report-dir'?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        file: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'snapshot-date': { type: 'string' },
        'report-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const mapping = positionals.length === 1 ? findDataset(positionals[0]!) : undefined;
  if (!mapping) {
    io.err(`${positionals.length === 1 ? `No data set ${JSON.stringify(positionals[0])}.` : 'Name one data set.'}\n\n${USAGE}`);
    return 2;
  }

  const config = loadConfig();
  const target = connection ??
    config.neo4j ?? { uri: `bolt://127.0.0.1:${config.local.boltPort}`, user: 'neo4j', password: '', database: config.database };
  const graph = new Graph(createDriver(target), target.database);
  try {
    if (!values['dry-run']) await applyConstraints(graph);
    const report = await importDataset(graph, mapping, {
      file: values.file,
      dryRun: values['dry-run'] ?? false,
      snapshotDate: values['snapshot-date'],
      reportDir: values['report-dir'],
      progress: true,
      log: io.out,
    });
    return report.rejected > 0 && report.valid === 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof DatasetFileError) io.err(error.message);
    else if (error instanceof Neo4jError && (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired')) {
      io.err(`Cannot reach Neo4j at ${target.uri}. Start the local one with \`npm run neo4j\` (or \`npm start\`), or set NEO4J_URI.`);
    } else io.err(`The import failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await graph.close();
  }
}

if (require.main === module) {
  runImport(process.argv.slice(2)).then((code) => process.exit(code));
}
