import { auditServer } from 'graphql-http';
import { TestApi } from '../helpers';

/** The GraphQL-over-HTTP audit of the `graphql-http` package, run against the real HTTP app. */
let api: TestApi;
let url: string;

beforeAll(async () => {
  api = await new TestApi().start();
  url = `${await api.listen()}/graphql`;
});
afterAll(() => api.stop());

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
