import type DataLoader from 'dataloader';
import { notFound } from '../errors';

/**
 * The full record behind an object a resolver received: the parent itself when its own root query
 * fetched it (it has `marker`), otherwise one batched load by key for all siblings at this level.
 */
export async function fullRecord<Full extends object>(
  parent: object,
  marker: keyof Full,
  loader: DataLoader<string, Full | undefined>,
  key: string,
  what: string,
): Promise<Full> {
  if (marker in parent) return parent as Full;
  const record = await loader.load(key);
  if (!record) throw notFound(`${what} ${key} is no longer in the graph.`);
  return record;
}
