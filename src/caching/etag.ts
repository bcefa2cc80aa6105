import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { printSchema, type GraphQLSchema } from 'graphql';
import type { Actor } from '../auth';
import { PROJECT_ROOT } from '../config';

/** What the caller may see: an editor's answer can hold what a reader's cannot, and a reader's what an anonymous caller's cannot. */
export type Audience = 'anonymous' | Actor['role'];

export function audienceOf(actor: Actor | null): Audience {
  return actor ? actor.role : 'anonymous';
}

/** Object keys in one order, so that `{a, b}` and `{b, a}` name the same answer. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

const deployments = new WeakMap<GraphQLSchema, string>();

/**
 * The schema and the release serving it: a deploy that changes what a field answers, with the
 * graph unchanged, must not revalidate answers the previous release gave.
 */
export function deploymentTag(schema: GraphQLSchema): string {
  let tag = deployments.get(schema);
  if (tag === undefined) {
    const release = (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '';
    tag = createHash('sha256').update(release).update('\0').update(printSchema(schema)).digest('base64url').slice(0, 16);
    deployments.set(schema, tag);
  }
  return tag;
}

export interface AnswerIdentity {
  deployment: string;
  /** The graph version read before the operation ran. */
  version: number;
  /** sha256 of the operation document (for a persisted query, the hash it was sent as: the same value). */
  queryHash: string;
  operationName: string | null;
  variables: Record<string, unknown> | undefined;
  audience: Audience;
}

/**
 * A weak entity tag: equal for the same question asked by the same kind of caller of the same graph
 * version. Weak, because equal answers need not be equal bytes. The version is hashed in, not shown:
 * how many changes the audit trail holds is the editorial workspace's business.
 */
export function entityTag(answer: AnswerIdentity): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([answer.deployment, answer.version, answer.queryHash, answer.operationName ?? '', canonical(answer.variables ?? {}), answer.audience]))
    .digest('base64url')
    .slice(0, 32);
  return `W/"${digest}"`;
}

/** The tags of an If-None-Match header, compared weakly (without `W/`); `*` is not honoured (it would answer 304 to a question never asked). */
export function requestedTags(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .filter((t) => t.startsWith('"'));
}

export function matches(tag: string, requested: string[]): boolean {
  const opaque = tag.replace(/^W\//, '');
  return requested.includes(opaque);
}
