import http from 'node:http';
import { Writable } from 'node:stream';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { loadConfig } from '../../src/config';
import { createLogger, prettyLogs, requestIdFrom } from '../../src/telemetry/logger';
import { readTraceSettings } from '../../src/telemetry/trace-settings';
import { cypherSpan, startTracing, tracingOn } from '../../src/telemetry/tracing';

describe('observability settings', () => {
  it('serves metrics on the main port outside production, and in production only with a token or on a port of their own', () => {
    expect(loadConfig({}).metrics).toMatchObject({ enabled: true, onMainPort: true });
    expect(loadConfig({ NODE_ENV: 'production' }).metrics).toMatchObject({ enabled: true, onMainPort: false });
    expect(loadConfig({ NODE_ENV: 'production', METRICS_TOKEN: 'metrics-token-0123456789' }).metrics).toMatchObject({ onMainPort: true, token: 'metrics-token-0123456789' });
    expect(loadConfig({ NODE_ENV: 'production', METRICS_PORT: '9464' }).metrics).toMatchObject({ onMainPort: false, port: 9464, host: '127.0.0.1' });
    expect(loadConfig({ METRICS: 'false' }).metrics).toMatchObject({ enabled: false, onMainPort: false });
  });

  it('refuses a short metrics token and an unknown log level, with the other problems', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short', LOG_LEVEL: 'loud', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/METRICS_TOKEN[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*METRICS_TOKEN/);
  });

  it('exports traces to the base endpoint plus /v1/traces, or to the traces endpoint as given, and is off without either', () => {
    expect(loadConfig({}).traces.url).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).traces.url).toBe('http://collector:4318/v1/traces');
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/otlp' }).traces.url).toBe('https://traces.example/otlp');
    expect(readTraceSettings({ OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=abc%20def,tenant=t1' })?.headers).toEqual({ 'x-api-key': 'abc def', tenant: 't1' });
  });

  it('logs pretty lines in development on a terminal or when asked, JSON otherwise', () => {
    const dev = loadConfig({ NODE_ENV: 'development' }).logs;
    expect(prettyLogs(dev, true)).toBe(true);
    expect(prettyLogs(dev, false)).toBe(false);
    expect(prettyLogs(loadConfig({ NODE_ENV: 'production' }).logs, true)).toBe(false);
    expect(prettyLogs(loadConfig({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).logs, false)).toBe(true);
    expect(prettyLogs(loadConfig({ NODE_ENV: 'development', LOG_FORMAT: 'json' }).logs, true)).toBe(false);
  });
});

describe('the logger', () => {
  function capture() {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    return { lines, logger: createLogger({ level: 'info', format: 'json', development: false }, sink) };
  }

  it('censors credentials, cookies, passwords and GraphQL variables wherever they are attached to a line', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer SECRET-1', cookie: 'sid=SECRET-2', 'x-api-key': 'SECRET-3', accept: 'application/json' } },
        body: { query: 'mutation { x }', variables: { input: { text: 'SECRET-4' } } },
        password: 'SECRET-5',
        neo4j: { password: 'SECRET-6', user: 'neo4j' },
        token: 'SECRET-7',
      },
      'a line with everything attached',
    );
    const line = JSON.parse(lines.join('')) as Record<string, any>;
    expect(lines.join('')).not.toMatch(/SECRET-/);
    expect(line.req.headers).toEqual({ authorization: '[redacted]', cookie: '[redacted]', 'x-api-key': '[redacted]', accept: 'application/json' });
    expect(line.body).toEqual({ query: 'mutation { x }', variables: '[redacted]' });
    expect(line.neo4j).toEqual({ password: '[redacted]', user: 'neo4j' });
  });

  it('keeps a client request id that is a plain token and replaces anything else', () => {
    expect(requestIdFrom('abc-123_x.y:z')).toBe('abc-123_x.y:z');
    expect(requestIdFrom(['first-id', 'second-id'])).toBe('first-id');
    for (const bad of [undefined, '', ' padded', 'a b', '{"level":60}', 'x'.repeat(129)]) expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('tracing', () => {
  it('is off without an endpoint: nothing registered, no module patched, Cypher runs without a span', async () => {
    expect(startTracing(loadConfig({}).traces)).toBeUndefined();
    expect(tracingOn()).toBe(false);
    expect(trace.getTracer('any').startSpan('x').isRecording()).toBe(false);
    expect((http.Server.prototype.emit as { __wrapped?: boolean }).__wrapped).toBeUndefined();
    await expect(cypherSpan('country', 'neo4j', 'READ', async () => 'rows')).resolves.toBe('rows');
  });

  it('records a named Cypher statement as a client span with the database attributes and never its parameters', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = startTracing({ ...loadConfig({}).traces, url: undefined }, { exporter })!;
    try {
      await cypherSpan('recognition-statuses', 'neo4j', 'READ', async () => [{ code: 'XK' }]);
      await expect(
        cypherSpan('record-recognition', 'neo4j', 'WRITE', async () => {
          throw Object.assign(new Error('Node(42) already exists with code "XK"'), { code: 'Neo.ClientError.Schema.ConstraintValidationFailed' });
        }),
      ).rejects.toThrow();
      await tracing.flush();
      const [read, write] = exporter.getFinishedSpans();
      expect(read!.name).toBe('cypher recognition-statuses');
      expect(read!.attributes).toEqual({ 'db.system.name': 'neo4j', 'db.system': 'neo4j', 'db.namespace': 'neo4j', 'db.operation.name': 'executeRead', 'db.query.summary': 'recognition-statuses' });
      expect(write!.name).toBe('cypher record-recognition');
      expect(write!.status).toEqual({ code: 2, message: 'Neo.ClientError.Schema.ConstraintValidationFailed' });
      expect(JSON.stringify([read!.attributes, write!.attributes, write!.events, write!.status])).not.toContain('XK');
    } finally {
      await tracing.shutdown();
    }
    expect(tracingOn()).toBe(false);
  });
});
