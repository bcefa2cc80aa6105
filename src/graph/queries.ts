import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

export interface NamedQuery {
  name: string;
  /** The first line of the file: the question the query answers. */
  purpose: string;
  text: string;
}

/** Every .cypher file of a folder under cypher/, by file name without extension. */
export function loadQueries(folder: string): Map<string, NamedQuery> {
  const dir = path.join(CYPHER_DIR, folder);
  const queries = new Map<string, NamedQuery>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort()) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8').trim();
    const first = text.split('\n')[0] ?? '';
    if (!first.startsWith('//')) throw new Error(`cypher/${folder}/${file} must open with a // comment saying what it answers`);
    queries.set(file.slice(0, -'.cypher'.length), { name: file.slice(0, -'.cypher'.length), purpose: first.replace(/^\/\/\s*/, ''), text });
  }
  return queries;
}

/** The service's named queries (cypher/queries, or cypher/writes), loaded once. */
export class QueryRegistry {
  private readonly queries: Map<string, NamedQuery>;

  constructor(private readonly folder: 'queries' | 'writes' = 'queries') {
    this.queries = loadQueries(folder);
  }

  get(name: string): string {
    const query = this.queries.get(name);
    if (!query) throw new Error(`No named query cypher/${this.folder}/${name}.cypher`);
    return query.text;
  }

  names(): string[] {
    return [...this.queries.keys()];
  }
}
