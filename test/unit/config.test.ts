import { ConfigError, loadConfig } from '../../src/config';

describe('configuration from the environment', () => {
  it('defaults to a local Neo4j and port 4000 when nothing is set', () => {
    const config = loadConfig({});
    expect(config.neo4j).toBeUndefined();
    expect(config).toMatchObject({ port: 4000, database: 'neo4j', seed: true, local: { boltPort: 7687, httpPort: 7474, heap: '512m' } });
  });

  it('uses NEO4J_URI, including neo4j:// routing URIs, with its credentials and database', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.example:7687', NEO4J_USER: 'reader', NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'diplo' });
    expect(config.neo4j).toEqual({ uri: 'neo4j+s://abc.databases.example:7687', user: 'reader', password: 'pw', database: 'diplo' });
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', NEO4J_HEAP: 'lots', SEED: 'maybe' });
      throw new Error('accepted a bad environment');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const keys = (err as ConfigError).problems.map((p) => p.split(':')[0]).sort();
      expect(keys).toEqual(['NEO4J_HEAP', 'NEO4J_URI', 'PORT', 'SEED']);
    }
  });

  it('takes an identity provider: JWKS, issuer, audiences, the roles claim and its mapping', () => {
    const { auth } = loadConfig({ JWT_JWKS_URL: 'https://idp.example/realms/x/certs', JWT_ISSUER: 'https://idp.example/realms/x', JWT_AUDIENCE: 'diplograph, dashboards', JWT_ROLES_CLAIM: 'realm_access.roles', JWT_EDITOR_ROLES: 'diplograph-editor', JWT_DEFAULT_ROLE: 'none' });
    expect(auth.jwt).toMatchObject({ jwksUrl: 'https://idp.example/realms/x/certs', audiences: ['diplograph', 'dashboards'], rolesClaim: 'realm_access.roles', editorRoles: ['diplograph-editor'], readerRoles: ['reader'], defaultRole: null, jwksTimeoutMs: 5000 });
    expect(loadConfig({}).auth.jwt).toBeNull();
  });

  it('refuses identity provider settings that cannot work, all at once, at start', () => {
    try {
      loadConfig({ JWT_JWKS_URL: 'https://idp.example/certs', JWT_PUBLIC_KEY: 'not a key' });
      throw new Error('accepted a bad environment');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['JWT_AUDIENCE', 'JWT_ISSUER', 'JWT_JWKS_URL, JWT_PUBLIC_KEY', 'JWT_PUBLIC_KEY']);
    }
    expect(() => loadConfig({ JWT_JWKS_URL: 'ftp://idp.example/certs', JWT_ISSUER: 'x', JWT_AUDIENCE: 'y' })).toThrow(/JWT_JWKS_URL/);
  });
});
