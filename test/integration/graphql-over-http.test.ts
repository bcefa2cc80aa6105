import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { auditServer } from 'graphql-http';
import { createApp } from '../../src/http';
import { TestApi } from '../helpers';

/** The GraphQL-over-HTTP audit of the `graphql-http` package, run against the real HTTP app. */
let api: TestApi;
let server: http.Server;
let url: string;

beforeAll(async () => {
  api = await new TestApi().start();
  server = http.createServer(createApp({ server: api.server, repositories: api.repositories, graph: api.graph, auth: { editors: [], readers: [], openReads: true } }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await api.stop();
});

describe('GraphQL over HTTP', () => {
  it('passes the graphql-http server audit with no errors', async () => {
    const results = await auditServer({ url });
    const count = (status: string) => results.filter((r) => r.status === status).length;
    const errors = results.filter((r) => r.status === 'error').map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(errors).toEqual([]);
    process.stdout.write(`\ngraphql-http audit: ${count('ok')} ok, ${count('warn')} warnings, ${count('error')} errors of ${results.length}\n`);
    expect(count('ok')).toBeGreaterThanOrEqual(40);
  });

  it('answers a browser’s CORS preflight for a dashboard on another origin', async () => {
    const response = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'http://dashboard.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  });
});
