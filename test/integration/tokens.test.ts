import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import type { JwtSettings } from '../../src/auth/jwt';
import type { Config } from '../../src/config';
import { loadConfig } from '../../src/config';
import { createApp } from '../../src/http';
import { TestApi } from '../helpers';

/**
 * Tokens from an identity provider: keys the test generates, a JWKS the test serves on loopback,
 * and the HTTP app `npm start` serves, reading the shared test Neo4j (nothing here writes).
 */
const ISSUER = 'https://idp.test.example/realms/diplograph';
const AUDIENCE = 'diplograph-api';
const READ = '{ country(code: "RS") { name } }';
// An editor gets past the role check to the input check; nothing is written.
const WRITE = `mutation { recordRecognition(input: { country: "Serbia", recognized: "XK", source: { publisher: "Test", title: "Test" } }) { id } }`;

let api: TestApi;
const servers: http.Server[] = [];

interface Keys {
  kid: string;
  privateKey: KeyLike;
  jwk: JWK;
}
async function keys(kid: string, alg = 'RS256'): Promise<Keys> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** A JWKS endpoint whose key set the test changes (rotation), counting its fetches. */
class Jwks {
  keys: JWK[] = [];
  fetches = 0;
  hang = false;
  url = '';
  async start(): Promise<this> {
    const server = http.createServer((_req, res) => {
      if (this.hang) return; // never answers: the verifier's timeout must end the wait
      this.fetches += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: this.keys }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    servers.push(server);
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/protocol/openid-connect/certs`;
    return this;
  }
}

function settings(extra: Partial<JwtSettings>): JwtSettings {
  return {
    jwksUrl: null,
    publicKey: null,
    issuer: ISSUER,
    audiences: [AUDIENCE],
    algorithms: ['RS256', 'ES256'],
    rolesClaim: 'roles',
    editorRoles: ['editor'],
    readerRoles: ['reader'],
    defaultRole: 'reader',
    clockToleranceS: 0,
    jwksTimeoutMs: 500,
    jwksCacheMs: 600_000,
    jwksCooldownMs: 0,
    ...extra,
  };
}

/** The service's HTTP app with these token settings (reads need a token, so a refused token is never read as anonymous). */
async function serve(jwt: JwtSettings): Promise<string> {
  const auth: Config['auth'] = { editors: [], readers: [{ name: 'a-key-holder', token: 'reader-key-0123456789abcdef' }], openReads: false, jwt };
  const server = http.createServer(createApp({ server: api.server, repositories: api.repositories, graph: api.graph, auth, requestTimeoutMs: 15_000 }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function token(key: Keys, claims: Record<string, unknown> = {}, options: { alg?: string; expires?: string | number; audience?: string; issuer?: string } = {}) {
  return new SignJWT({ roles: ['reader'], ...claims })
    .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: key.kid })
    .setSubject('analyst@example.org')
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? '5m')
    .sign(key.privateKey);
}

async function post(url: string, bearer: string | null, query: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };
  return { status: response.status, body, code: body.errors?.[0]?.extensions.code, message: body.errors?.[0]?.message };
}

beforeAll(async () => {
  api = await new TestApi(undefined, loadConfig()).start();
});

afterAll(async () => {
  for (const s of servers) s.closeAllConnections?.();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await api?.stop();
});

describe('tokens an identity provider signed, checked against its JWKS', () => {
  let jwks: Jwks;
  let url: string;
  let current: Keys;

  beforeAll(async () => {
    current = await keys('2026-a');
    jwks = await new Jwks().start();
    jwks.keys = [current.jwk];
    url = await serve(settings({ jwksUrl: jwks.url }));
  });

  it('a valid reader token reads; an editor token may write, a reader token may not', async () => {
    expect(await post(url, await token(current), READ)).toMatchObject({ status: 200, body: { data: { country: { name: 'Serbia' } } } });
    expect((await post(url, await token(current, { roles: ['editor'] }), WRITE)).code).toBe('BAD_USER_INPUT');
    expect((await post(url, await token(current), WRITE)).code).toBe('FORBIDDEN');
  });

  it('API keys still work beside tokens', async () => {
    expect((await post(url, 'reader-key-0123456789abcdef', READ)).status).toBe(200);
  });

  it.each([
    ['expired', async () => token(current, {}, { expires: Math.floor(Date.now() / 1000) - 60 })],
    ['for another audience', async () => token(current, {}, { audience: 'another-api' })],
    ['from another issuer', async () => token(current, {}, { issuer: 'https://idp.test.example/realms/other' })],
    ['signed with a key the provider does not publish, under a published key id', async () => token({ ...(await keys('2026-a')) })],
    ['with its payload changed after signing', async () => {
      const [header, , signature] = (await token(current)).split('.');
      return `${header}.${Buffer.from(JSON.stringify({ sub: 'x', roles: ['editor'], iss: ISSUER, aud: AUDIENCE, exp: 9_999_999_999 })).toString('base64url')}.${signature}`;
    }],
    ['unsigned (alg none)', async () => {
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `${part({ alg: 'none', kid: '2026-a' })}.${part({ sub: 'x', roles: ['editor'], iss: ISSUER, aud: AUDIENCE, exp: 9_999_999_999 })}.`;
    }],
    ['not a JWT and no API key', async () => 'not-a-token-of-anyone-at-all'],
  ])('a token %s is 401 UNAUTHENTICATED with the same message as any other bad token', async (_, make) => {
    const result = await post(url, await make(), READ);
    expect(result).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: 'The bearer token is not valid.' });
    expect(result.body.data ?? null).toBeNull();
  });

  it('follows a key rotation: a token under a new key id makes it fetch the key set again', async () => {
    const next = await keys('2026-b');
    const before = jwks.fetches;
    jwks.keys = [next.jwk];
    expect((await post(url, await token(next), READ)).status).toBe(200);
    expect(jwks.fetches).toBe(before + 1);
    // the retired key's tokens are refused once the provider no longer publishes it
    expect((await post(url, await token(current), READ)).status).toBe(401);
    current = next;
  });

  it('caches the key set: many requests, no more fetches', async () => {
    const before = jwks.fetches;
    for (let i = 0; i < 5; i += 1) expect((await post(url, await token(current), READ)).status).toBe(200);
    expect(jwks.fetches).toBe(before);
  });
});

describe('roles and other providers', () => {
  it('reads roles at a dotted claim path, and refuses a token with no known role when there is no default role', async () => {
    const key = await keys('k1');
    const jwks = await new Jwks().start();
    jwks.keys = [key.jwk];
    const url = await serve(settings({ jwksUrl: jwks.url, rolesClaim: 'realm_access.roles', defaultRole: null, editorRoles: ['diplograph-editor'] }));
    expect((await post(url, await token(key, { realm_access: { roles: ['offline_access', 'diplograph-editor'] } }), WRITE)).code).toBe('BAD_USER_INPUT');
    expect(await post(url, await token(key, { realm_access: { roles: ['offline_access'] } }), READ)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it('takes one static public key (ES256) where the provider has no JWKS', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const url = await serve(settings({ publicKey: await exportSPKI(publicKey) }));
    const key: Keys = { kid: 'static', privateKey, jwk: { kty: 'EC' } };
    expect((await post(url, await token(key, {}, { alg: 'ES256' }), READ)).status).toBe(200);
    const other = { ...key, privateKey: (await generateKeyPair('ES256')).privateKey };
    expect((await post(url, await token(other, {}, { alg: 'ES256' }), READ)).status).toBe(401);
  });

  it('answers 503, not 500 or 401, while the provider does not serve its keys in time', async () => {
    const key = await keys('k2');
    const jwks = await new Jwks().start();
    jwks.hang = true;
    const url = await serve(settings({ jwksUrl: jwks.url, jwksTimeoutMs: 300 }));
    expect(await post(url, await token(key), READ)).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  });
});
