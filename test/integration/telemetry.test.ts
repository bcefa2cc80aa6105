import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { loadConfig, type Config } from '../../src/config';
import { freePort } from '../../src/graph/local-neo4j';
import { createRepositories } from '../../src/graph/repositories';
import { createApp } from '../../src/http';
import { createServer } from '../../src/server';
import { createLogger } from '../../src/telemetry/logger';
import { testGraph } from '../helpers';
import { killServices, startService } from '../service-process';

/**
 * Logs, metrics, health aliases: the HTTP app `npm start` serves, in this process, on the shared
 * test Neo4j (reads only). Traces and the metrics port: the real service in a process of its own,
 * exporting to an OTLP receiver this test runs on loopback.
 */

const EDITOR = { name: 'desk', token: 'editor-token-0123456789' };
const READER = { name: 'reader', token: 'reader-token-0123456789' };
const AUTH: Config['auth'] = { editors: [EDITOR], readers: [READER], openReads: true };
const METRICS_TOKEN = 'metrics-token-0123456789';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function graphql(base: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  return request(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
}

/** An app on a free port whose log lines are kept; `metricsRoute` as the settings would make it. */
async function serve(metricsRoute: { onMainPort: boolean; token?: string } = { onMainPort: true }) {
  const config = loadConfig();
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ level: 'info', format: 'json', development: false }, sink);
  const server = createServer({ config, logger });
  await server.start();
  const graph = testGraph();
  const app = createApp({ server, repositories: createRepositories(graph), graph, auth: AUTH, requestTimeoutMs: config.limits.requestTimeoutMs, logger, metricsRoute });
  const web = http.createServer(app);
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  return {
    url,
    lines,
    /** The parsed log line of the request with this id (it is written once the answer is sent). */
    async lineOf(id: string): Promise<Record<string, unknown>> {
      for (let i = 0; i < 50; i++) {
        const found = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.reqId === id);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no log line for request ${id}; lines:\n${lines.join('\n')}`);
    },
    async stop() {
      web.closeAllConnections();
      await new Promise((r) => web.close(r));
      await server.stop();
      await graph.close();
    },
  };
}

const NAMED = 'query KosovoName { country(code: "XK") { name recognizedBy(first: 3) { country { code } } } }';
/** Over MAX_COST (as in limits.test.ts): refused before any Cypher runs. */
const TOO_EXPENSIVE = `query Everything { country(code:"XK") { ${Array.from({ length: 4 }).reduce<string>((body) => `recognizedBy { recognized { ${body} } }`, 'recognizedBy { id }')} } }`;

describe('request logs', () => {
  let app: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    app = await serve();
  });
  afterAll(() => app.stop());

  it('writes one JSON line per request with its id, operation, cost, Cypher statements, outcome and duration', async () => {
    const answer = await graphql(app.url, NAMED, {}, { 'x-request-id': 'client-id-42' });
    expect(answer.status).toBe(200);
    expect(answer.headers['x-request-id']).toBe('client-id-42');
    const line = await app.lineOf('client-id-42');
    expect(line).toMatchObject({ level: 30, msg: 'request completed', method: 'POST', path: '/graphql', status: 200, operation: 'KosovoName', outcome: 'ok', service: 'diplograph' });
    expect(line.cost).toEqual(expect.any(Number));
    expect(line.cost as number).toBeGreaterThan(1);
    expect(line.cypher as number).toBeGreaterThanOrEqual(1);
    expect(line.durationMs).toEqual(expect.any(Number));
    expect(typeof line.time).toBe('string');
  });

  it('generates a request id when the client sends none or one that is not a plain token, and returns it', async () => {
    const none = await graphql(app.url, '{ country(code: "XK") { name } }');
    const odd = await graphql(app.url, '{ country(code: "XK") { name } }', {}, { 'x-request-id': `{"level":60} ${'x'.repeat(200)}` });
    for (const answer of [none, odd]) {
      const id = answer.headers['x-request-id'] as string;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await app.lineOf(id)).toMatchObject({ operation: 'anonymous', outcome: 'ok' });
    }
    expect(none.headers['x-request-id']).not.toBe(odd.headers['x-request-id']);
  });

  it('gives refused requests the code that refused them as their outcome, and their cost when they were weighed', async () => {
    const expensive = await graphql(app.url, TOO_EXPENSIVE, {}, { 'x-request-id': 'too-expensive' });
    expect(expensive.status).toBe(400);
    const line = await app.lineOf('too-expensive');
    expect(line).toMatchObject({ operation: 'Everything', outcome: 'COST_LIMIT_EXCEEDED', cypher: 0, level: 40 });
    expect(line.cost as number).toBeGreaterThan(loadConfig().limits.maxCost);

    await graphql(app.url, NAMED, {}, { 'x-request-id': 'bad-token', authorization: 'Bearer not-a-token-anyone-holds' });
    expect(await app.lineOf('bad-token')).toMatchObject({ status: 401, outcome: 'UNAUTHENTICATED' });
  });

  it('never writes tokens, cookies or an article text to the log', async () => {
    const text = 'SECRET-ARTICLE-TEXT Avalonia recognized Kosovo on 3 March 2025.';
    const ingest = 'mutation Ingest($input: ArticleInput!) { ingestArticle(input: $input) { source { id } } }';
    const input = { text, publisher: 'SECRET-PUBLISHER', title: 'T', date: '2025-03-04' };
    // A reader may not ingest, an unknown token is refused: the article is read, parsed and turned away, and nothing is written.
    const forbidden = await graphql(app.url, ingest, { input }, { authorization: `Bearer ${READER.token}`, cookie: 'session=SECRET-COOKIE', 'x-request-id': 'ingest-reader' });
    expect(JSON.parse(forbidden.body).errors[0].extensions.code).toBe('FORBIDDEN');
    await graphql(app.url, ingest, { input }, { authorization: 'Bearer SECRET-UNKNOWN-TOKEN-123456', 'x-request-id': 'ingest-unknown' });
    await graphql(app.url, `mutation { ingestArticle(input: { text: "${text}", publisher: "P", title: "T" }) { source { id } } }`, {}, { authorization: `Bearer ${READER.token}`, 'x-request-id': 'ingest-inline' });
    expect(await app.lineOf('ingest-reader')).toMatchObject({ operation: 'Ingest', outcome: 'FORBIDDEN' });
    expect(await app.lineOf('ingest-unknown')).toMatchObject({ outcome: 'UNAUTHENTICATED' });
    await app.lineOf('ingest-inline');
    const all = app.lines.join('\n');
    for (const secret of ['SECRET-ARTICLE-TEXT', 'SECRET-PUBLISHER', 'SECRET-COOKIE', 'SECRET-UNKNOWN-TOKEN', READER.token, 'Bearer']) expect(all).not.toContain(secret);
  });

  it('does not log health probes and metric scrapes', async () => {
    for (const path of ['/health', '/livez', '/ready', '/readyz', '/metrics']) {
      const answer = await request(`${app.url}${path}`, { headers: { 'x-request-id': `probe${path.replace('/', '-')}` } });
      expect(answer.status).toBe(200);
      expect(answer.headers['x-request-id']).toBe(`probe${path.replace('/', '-')}`);
    }
    await graphql(app.url, NAMED, {}, { 'x-request-id': 'after-probes' });
    await app.lineOf('after-probes');
    expect(app.lines.filter((l) => l.includes('"reqId":"probe'))).toEqual([]);
  });
});

describe('health', () => {
  let app: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    app = await serve();
  });
  afterAll(() => app.stop());

  it('answers liveness at /health and /livez, and readiness with Neo4j reachable at /ready and /readyz', async () => {
    for (const path of ['/health', '/livez']) expect(JSON.parse((await request(`${app.url}${path}`)).body)).toEqual({ status: 'ok' });
    for (const path of ['/ready', '/readyz']) expect(JSON.parse((await request(`${app.url}${path}`)).body)).toEqual({ status: 'ready' });
  });
});

/** The value of a sample line (`name{labels} value`) in a Prometheus text page, or undefined. */
function sample(page: string, series: string): number | undefined {
  const line = page.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics', () => {
  let app: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    app = await serve();
  });
  afterAll(() => app.stop());

  it('counts requests by operation and outcome, with latency, cost, rejections by reason, Neo4j query latency, the pool and the process', async () => {
    await graphql(app.url, NAMED);
    await graphql(app.url, NAMED);
    await graphql(app.url, TOO_EXPENSIVE);
    await graphql(app.url, NAMED, {}, { authorization: 'Bearer not-a-token-anyone-holds' });
    await graphql(app.url, '{ country(code: "XK") { nme } }');
    const page = await request(`${app.url}/metrics`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const m = page.body;
    expect(sample(m, 'diplograph_graphql_requests_total{operation="KosovoName",outcome="ok"}')).toBe(2);
    expect(sample(m, 'diplograph_graphql_requests_total{operation="Everything",outcome="COST_LIMIT_EXCEEDED"}')).toBe(1);
    expect(sample(m, 'diplograph_graphql_requests_total{operation="unknown",outcome="UNAUTHENTICATED"}')).toBe(1);
    expect(sample(m, 'diplograph_graphql_request_duration_seconds_count{operation="KosovoName",outcome="ok"}')).toBe(2);
    expect(sample(m, 'diplograph_graphql_query_cost_count{operation="KosovoName"}')).toBe(2);
    expect(sample(m, 'diplograph_graphql_rejected_requests_total{reason="COST_LIMIT_EXCEEDED"}')).toBe(1);
    expect(sample(m, 'diplograph_graphql_rejected_requests_total{reason="UNAUTHENTICATED"}')).toBe(1);
    expect(sample(m, 'diplograph_graphql_rejected_requests_total{reason="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(m).not.toContain('reason="ok"');
    const queries = m.split('\n').filter((l) => l.startsWith('diplograph_neo4j_query_duration_seconds_count{'));
    expect(queries.length).toBeGreaterThan(0);
    for (const line of queries) expect(line).toMatch(/\{query="[a-z0-9-]+",outcome="ok"\} [1-9]/);
    expect(sample(m, 'diplograph_neo4j_sessions_open')).toBe(0);
    expect(sample(m, 'diplograph_neo4j_pool_connections{state="in_use"}')).toBe(0);
    expect(sample(m, 'diplograph_neo4j_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(1);
    expect(m).toMatch(/^process_cpu_user_seconds_total /m);
    expect(m).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('serves /metrics only to the bearer of METRICS_TOKEN when one is set, and not at all when the settings say so', async () => {
    const guarded = await serve({ onMainPort: true, token: METRICS_TOKEN });
    const off = await serve({ onMainPort: false });
    try {
      expect((await request(`${guarded.url}/metrics`)).status).toBe(401);
      expect((await request(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer metrics-token-0123456780' } })).status).toBe(401);
      const ok = await request(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(ok.body).toContain('diplograph_graphql_requests_total');
      expect((await request(`${off.url}/metrics`)).status).toBe(404);
    } finally {
      await guarded.stop();
      await off.stop();
    }
  });
});

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
}

/** A collector on loopback: what the service exports to OTLP/HTTP (JSON) at /v1/traces. */
async function otlpReceiver() {
  const spans: OtlpSpan[] = [];
  const contentTypes: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (body += d));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        contentTypes.push(req.headers['content-type'] ?? '');
        const payload = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
        for (const rs of payload.resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, contentTypes, close: () => new Promise((r) => server.close(r)) };
}

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  return value ? Object.values(value)[0] : undefined;
};

describe('the service with traces on and metrics on a port of their own', () => {
  afterEach(killServices);

  it('exports a trace with spans for the HTTP request, the GraphQL operation and each named Cypher query, and serves metrics only on the metrics port', async () => {
    const receiver = await otlpReceiver();
    const metricsPort = await freePort();
    const service = await startService({
      NEO4J_URI: process.env.NEO4J_URI!,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '50',
      METRICS_PORT: String(metricsPort),
      METRICS_TOKEN,
      LOG_LEVEL: 'info',
    });
    try {
      const base = `http://127.0.0.1:${service.port}`;
      const answer = await graphql(base, NAMED, {}, { 'x-request-id': 'traced-request' });
      expect(answer.status).toBe(200);
      let cypher: OtlpSpan[] = [];
      for (let i = 0; i < 100 && cypher.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        cypher = receiver.spans.filter((s) => s.name.startsWith('cypher '));
      }
      expect(cypher.length).toBeGreaterThan(0);
      const traceId = cypher[0]!.traceId;
      const trace = receiver.spans.filter((s) => s.traceId === traceId);
      const names = trace.map((s) => s.name);
      const httpSpan = trace.find((s) => /^POST\b/.test(s.name));
      expect(httpSpan).toBeDefined();
      expect(httpSpan!.parentSpanId ?? '').toBe('');
      expect(names).toEqual(expect.arrayContaining(['graphql.parse', 'graphql.validate']));
      const execute = trace.find((s) => s.name.startsWith('query KosovoName') || s.name === 'graphql.execute');
      expect(execute).toBeDefined();
      // Every named query is a span of its own in the same trace, named after its file, with the database's attributes and no parameters.
      for (const span of cypher) {
        expect(span.traceId).toBe(traceId);
        expect(span.name).toMatch(/^cypher [a-z0-9-]+$/);
        expect(attribute(span, 'db.system.name')).toBe('neo4j');
        expect(attribute(span, 'db.system')).toBe('neo4j');
        expect(attribute(span, 'db.namespace')).toBe('neo4j');
        expect(attribute(span, 'db.query.summary')).toBe(span.name.slice('cypher '.length));
        expect(JSON.stringify(span.attributes)).not.toContain('XK');
      }
      // The GraphQL span records the document with its values replaced.
      expect(JSON.stringify(trace)).not.toContain('"XK"');
      expect(receiver.spans.filter((s) => /\/v1\/traces/.test(JSON.stringify(s.attributes ?? [])))).toEqual([]);

      // The log line is JSON on stdout and carries the trace id.
      const line = service
        .stdout()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.reqId === 'traced-request');
      expect(line).toMatchObject({ operation: 'KosovoName', outcome: 'ok', traceId });

      expect((await request(`${base}/metrics`)).status).toBe(404);
      const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
      expect((await request(metricsUrl)).status).toBe(401);
      const page = await request(metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(page.status).toBe(200);
      expect(sample(page.body, 'diplograph_graphql_requests_total{operation="KosovoName",outcome="ok"}')).toBe(1);
    } finally {
      service.child.kill('SIGKILL');
      await receiver.close();
    }
  });

  it('registers nothing and exports nothing when no OTLP endpoint is set', async () => {
    const receiver = await otlpReceiver();
    const service = await startService({ NEO4J_URI: process.env.NEO4J_URI!, METRICS_TOKEN });
    try {
      const answer = await graphql(`http://127.0.0.1:${service.port}`, NAMED, {}, { 'x-request-id': 'untraced' });
      expect(answer.status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(receiver.spans).toEqual([]);
      const line = service.stdout().split('\n').find((l) => l.includes('"reqId":"untraced"'));
      expect(line).toBeDefined();
      expect(JSON.parse(line!)).not.toHaveProperty('traceId');
    } finally {
      service.child.kill('SIGKILL');
      await receiver.close();
    }
  });
});
