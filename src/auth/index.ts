import { timingSafeEqual } from 'node:crypto';
import type { Config } from '../config';
import { forbidden, unauthenticated } from '../errors';
import { looksLikeJwt, type JwtVerifier } from './jwt';

export type Role = 'editor' | 'reader';

export interface Actor {
  name: string;
  role: Role;
  /** How the caller proved who it is: an API key of EDITOR_TOKENS/READER_TOKENS, or an identity provider's JWT. */
  via?: 'key' | 'jwt';
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Who is calling, from an `Authorization: Bearer <token>` header: an API key (EDITOR_TOKENS,
 * READER_TOKENS), else, when an identity provider is configured, a JWT it signed. No header:
 * anonymous (null), allowed only when reads are open. A header with a token that is neither is
 * always refused, with the same message whatever check failed.
 */
export async function authenticate(header: string | undefined, auth: Config['auth'], jwt?: JwtVerifier | null): Promise<Actor | null> {
  if (!header) {
    if (!auth.openReads) throw unauthenticated('This service needs a bearer token (Authorization: Bearer <token>).');
    return null;
  }
  const token = /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1];
  if (!token) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  for (const [role, holders] of [['editor', auth.editors], ['reader', auth.readers]] as const) {
    const holder = holders.find((h) => sameSecret(h.token, token));
    if (holder) return { name: holder.name, role, via: 'key' };
  }
  if (jwt && looksLikeJwt(token)) return jwt(token);
  throw unauthenticated('The bearer token is not valid.');
}

/** Writes need an editor: no token is UNAUTHENTICATED, a reader's token is FORBIDDEN. */
export function requireEditor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated('Changing the graph needs an editor token (Authorization: Bearer <token>).');
  if (actor.role !== 'editor') {
    throw forbidden(`${actor.name} may read but not change the graph.`);
  }
  return actor;
}

/**
 * The editorial workspace (the audit trail with editors' names, unreviewed candidates) is not part of
 * the published graph: it needs a reader's or editor's token even when reads are open.
 */
export function requireToken(actor: Actor | null, what: string): Actor {
  if (!actor) throw unauthenticated(`${what} is part of the editorial workspace and needs a reader or editor token (Authorization: Bearer <token>).`);
  return actor;
}
