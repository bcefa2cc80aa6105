import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/http';
import { readmeExamples } from '../../src/pages';
import { TestApi } from '../helpers';

let api: TestApi;
const servers: http.Server[] = [];

async function serve(playground: boolean): Promise<string> {
  const server = http.createServer(
    createApp({ server: api.server, repositories: api.repositories, graph: api.graph, auth: { editors: [], readers: [], openReads: true }, playground }),
  );
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  api = await new TestApi().start();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await api.stop();
});

describe('the offline playground', () => {
  it('is what a browser gets at /graphql, with its bundle and styles served locally (no CDN)', async () => {
    const base = await serve(true);
    const page = await (await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(page).toMatch(/<title>diplograph playground<\/title>/);
    expect(page).not.toMatch(/https?:\/\//);
    const script = await fetch(`${base}/playground/playground.js`);
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(100_000);
    expect((await fetch(`${base}/playground/graphiql.css`)).status).toBe(200);
    expect((await fetch(`${base}/`, { redirect: 'manual' })).headers.get('location')).toBe('/graphql');
  });

  it('opens with the README’s example queries, each titled', async () => {
    const base = await serve(true);
    const examples = (await (await fetch(`${base}/playground/examples.json`)).json()) as { title: string; query: string }[];
    expect(examples).toEqual(readmeExamples());
    expect(examples.length).toBeGreaterThanOrEqual(8);
    expect(examples[0]).toEqual({ title: 'Which EU members do not recognize Kosovo?', query: '{ nonRecognizers(of: "XK", memberOf: "EU") { code name } }' });
  });

  it('still answers API clients at /graphql, and is off when turned off', async () => {
    const on = await serve(true);
    const answer = await fetch(`${on}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ country(code: "XK") { name } }' }) });
    expect(await answer.json()).toEqual({ data: { country: { name: 'Kosovo' } } });
    const off = await serve(false);
    const page = await fetch(`${off}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/diplograph playground/);
    expect((await fetch(`${off}/playground/playground.js`)).status).toBe(404);
  });
});
