import fs from 'node:fs';
import path from 'node:path';
import { jvmArgs, renderConfig } from '../../src/graph/local-neo4j';

const template = fs.readFileSync(path.join(__dirname, '../../neo4j/neo4j.conf'), 'utf8');

describe('the local Neo4j configuration', () => {
  const conf = renderConfig(template, { 'server.bolt.listen_address': '127.0.0.1:17687', 'server.memory.heap.max_size': '300m' });

  it('replaces the keys the launcher owns, once each', () => {
    expect(conf.match(/^server\.bolt\.listen_address=.*$/gm)).toEqual(['server.bolt.listen_address=127.0.0.1:17687']);
    expect(conf.match(/^server\.memory\.heap\.max_size=.*$/gm)).toEqual(['server.memory.heap.max_size=300m']);
  });

  it('keeps Bolt and HTTP on loopback with usage reporting off', () => {
    expect(conf).toMatch(/^server\.default_listen_address=127\.0\.0\.1$/m);
    expect(conf).toMatch(/^dbms\.usage_report\.enabled=false$/m);
  });

  it("passes Neo4j's own JVM flags and an explicit heap to java", () => {
    const args = jvmArgs(conf);
    expect(args).toEqual(expect.arrayContaining(['-Xms512m', '-Xmx300m', '--add-opens=java.base/java.nio=ALL-UNNAMED', '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED']));
  });
});
