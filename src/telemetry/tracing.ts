import { context, propagation, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import type { SpanExporter, SpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { TraceSettings } from './trace-settings';

/**
 * OpenTelemetry tracing: HTTP requests, GraphQL parse/validate/execute, and one span per named
 * Cypher statement. Off unless an OTLP endpoint is configured, and then nothing is registered:
 * the API's no-op tracer stays in place, no module is patched, and `cypherSpan` is a plain call.
 *
 * The instrumentations patch `http` and `graphql` as they are required, so startTracing must run
 * before anything requires them: src/index.ts imports ./start-tracing before any other module.
 */

/** Set only while tracing is on; the Neo4j boundary checks it before doing any tracing work. */
let tracer: Tracer | undefined;

export interface Tracing {
  provider: TracerProvider;
  /** Exports what is buffered (tests; shutdown). */
  flush(): Promise<void>;
  /** Exports what is left and unpatches the modules. */
  shutdown(): Promise<void>;
}

/** Paths probed or scraped every few seconds: a trace each would bury the requests that matter. */
const UNTRACED = new Set(['/health', '/livez', '/ready', '/readyz', '/metrics']);

/**
 * Starts tracing when `settings.url` is set (or a test passes its own `exporter`); undefined, and
 * nothing done, otherwise. The SDK and instrumentations are loaded only then.
 */
export function startTracing(settings: TraceSettings, options: { exporter?: SpanExporter } = {}): Tracing | undefined {
  if (!settings.url && !options.exporter) return undefined;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const sdk = require('@opentelemetry/sdk-trace') as typeof import('@opentelemetry/sdk-trace');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks') as typeof import('@opentelemetry/context-async-hooks');
  const core = require('@opentelemetry/core') as typeof import('@opentelemetry/core');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { GraphQLInstrumentation } = require('@opentelemetry/instrumentation-graphql') as typeof import('@opentelemetry/instrumentation-graphql');
  /* eslint-enable @typescript-eslint/no-require-imports */

  let processor: SpanProcessor;
  if (options.exporter) {
    processor = new sdk.SimpleSpanProcessor({ exporter: options.exporter });
  } else {
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http'); // eslint-disable-line @typescript-eslint/no-require-imports
    const exporter = new OTLPTraceExporter({ url: settings.url, headers: settings.headers });
    processor = new sdk.BatchSpanProcessor({ exporter, scheduledDelayMillis: settings.exportDelayMs });
  }
  const provider = new sdk.TracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName, ...(settings.serviceVersion ? { 'service.version': settings.serviceVersion } : {}) }),
    sampler: new sdk.ParentBasedSampler({ root: new sdk.TraceIdRatioBasedSampler(settings.sampleRatio) }),
    spanProcessors: [processor],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new core.CompositePropagator({ propagators: [new core.W3CTraceContextPropagator(), new core.W3CBaggagePropagator()] }));
  trace.setGlobalTracerProvider(provider);
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED.has((req.url ?? '/').split('?')[0]!),
        // The service calls out only to export its spans: tracing those would feed on itself.
        disableOutgoingRequestInstrumentation: true,
      }),
      // Values (literals in the query, variables) are left out: an article's text never reaches a span.
      new GraphQLInstrumentation({ allowValues: false, ignoreResolveSpans: true, mergeItems: true }) as unknown as InstanceType<typeof HttpInstrumentation>,
    ],
  });
  tracer = provider.getTracer('diplograph');
  return {
    provider,
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      unregister();
      tracer = undefined;
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** Whether spans are being recorded (the request log then carries the trace id). */
export function tracingOn(): boolean {
  return tracer !== undefined;
}

/** The trace id of the current span, when tracing is on and there is one. */
export function currentTraceId(): string | undefined {
  if (!tracer) return undefined;
  const span = trace.getActiveSpan();
  return span?.spanContext().traceId;
}

/**
 * `work` inside a client span named after the Cypher file (`cypher recognition-statuses`) with the
 * database's attributes. Never the statement's parameters; not its text either (the name is the key to it).
 */
export async function cypherSpan<T>(name: string, database: string, mode: 'READ' | 'WRITE', work: () => Promise<T>): Promise<T> {
  if (!tracer) return work();
  return tracer.startActiveSpan(
    `cypher ${name}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'neo4j',
        'db.system': 'neo4j',
        'db.namespace': database,
        'db.operation.name': mode === 'READ' ? 'executeRead' : 'executeWrite',
        'db.query.summary': name,
      },
    },
    async (span) => {
      try {
        return await work();
      } catch (error) {
        // The driver's code (Neo.ClientError...) tells what failed; its message may quote the data.
        const code = (error as { code?: unknown }).code;
        span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : (error as Error).name });
        span.setAttribute('error.type', typeof code === 'string' ? code : (error as Error).name ?? 'Error');
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
