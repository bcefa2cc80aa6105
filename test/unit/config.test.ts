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
});
