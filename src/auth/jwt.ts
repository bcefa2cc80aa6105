import { createPublicKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { busy, forbidden, unauthenticated } from '../errors';
import type { Actor, Role } from './index';

/** Tokens an identity provider issues (JWT_* settings): where its keys are, and what a token must say. */
export interface JwtSettings {
  /** The provider's JWKS address (keys fetched on first use, cached, refetched for an unknown key id). */
  jwksUrl: string | null;
  /** Or one public key (PEM), for providers without a JWKS. */
  publicKey: string | null;
  issuer: string;
  /** Accepted audiences: the token's `aud` must name one. */
  audiences: string[];
  algorithms: string[];
  /** Where the roles are: a claim name or a dotted path (`realm_access.roles`); a list or a space-separated string. */
  rolesClaim: string;
  editorRoles: string[];
  readerRoles: string[];
  /** The role of a valid token whose claim names none of the roles above; null refuses it (403). */
  defaultRole: Role | null;
  clockToleranceS: number;
  jwksTimeoutMs: number;
  jwksCacheMs: number;
  /** After a fetch, the least time before a token with an unknown key id makes it fetch again (key rotation). */
  jwksCooldownMs: number;
}

/** Checks a bearer token that looks like a JWT; the caller it names, or a coded error. */
export type JwtVerifier = (token: string) => Promise<Actor>;

const INVALID = 'The bearer token is not valid.';

/** A value at a dotted path of the claims (`realm_access.roles`), where a claim name has no dot. */
function claimAt(payload: JWTPayload, path: string): unknown {
  if (path in payload) return payload[path];
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), payload);
}

function rolesOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Reads a PEM public key once, at start: a key that cannot be read is a configuration error, not a 401 per request. */
export function readPublicKey(pem: string): KeyObject {
  return createPublicKey(pem.replace(/\\n/g, '\n'));
}

/**
 * The verifier for the configured provider. Signature, issuer, audience, expiry and not-before are
 * checked by jose; every failure of the token itself is the same 401 (no hint which check failed).
 * Keys that cannot be fetched (the provider down or slow) are the service's trouble: 503.
 */
export function jwtVerifier(settings: JwtSettings): JwtVerifier {
  const key: KeyObject | JWTVerifyGetKey = settings.jwksUrl
    ? createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: settings.jwksTimeoutMs, cacheMaxAge: settings.jwksCacheMs, cooldownDuration: settings.jwksCooldownMs })
    : readPublicKey(settings.publicKey ?? '');
  const options = { issuer: settings.issuer, audience: settings.audiences, algorithms: settings.algorithms, clockTolerance: settings.clockToleranceS };
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } =
        typeof (key as JWTVerifyGetKey) === 'function' ? await jwtVerify(token, key as JWTVerifyGetKey, options) : await jwtVerify(token, key as KeyObject, options));
    } catch (error) {
      if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError)) {
        throw busy("The identity provider's keys cannot be read right now; try again shortly.", 5);
      }
      throw unauthenticated(INVALID);
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') throw unauthenticated(INVALID);
    const roles = rolesOf(claimAt(payload, settings.rolesClaim));
    const role: Role | null = roles.some((r) => settings.editorRoles.includes(r)) ? 'editor' : roles.some((r) => settings.readerRoles.includes(r)) ? 'reader' : settings.defaultRole;
    if (!role) throw forbidden('The token names none of the roles this service grants.');
    return { name: payload.sub, role, via: 'jwt' };
  };
}

/** Three base64url parts: a compact JWS. API keys are matched first, so a key that happens to look like one still works. */
export const looksLikeJwt = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
