import { loadConfig } from '../../src/config';
import { createServer } from '../../src/server';

const limits = loadConfig({}).limits;

describe('production switches', () => {
  it('refuses introspection when it is turned off, and allows it otherwise', async () => {
    const query = '{ __schema { queryType { name } } }';
    for (const introspection of [false, true]) {
      const server = createServer({ config: { introspection, limits, production: !introspection } });
      await server.start();
      const response = await server.executeOperation({ query });
      await server.stop();
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      if (introspection) expect(result?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      else expect(result?.errors?.[0]?.message).toMatch(/introspection/i);
    }
  });
});
