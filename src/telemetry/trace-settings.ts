import { z } from 'zod';

/**
 * The OpenTelemetry settings, by their standard names. Apart from src/config.ts (which folds them
 * into the Config, so a bad value is reported with every other problem) only ./start-tracing reads
 * them, and from the environment directly: it runs before anything else is loaded, and src/config.ts
 * loads graphql (through the errors), which must be required only once tracing has patched it.
 */
export interface TraceSettings {
  /** Where spans go (OTLP over HTTP); tracing is off when unset. */
  url: string | undefined;
  headers: Record<string, string>;
  serviceName: string;
  serviceVersion?: string;
  /** The share of traces started here that are recorded (a caller's sampled flag is followed). */
  sampleRatio: number;
  /** How long spans wait to be exported together. */
  exportDelayMs: number;
}

const url = z.url({ protocol: /^https?$/ });

/** "k=v,k2=v2" (values URL-encoded), as OTEL_EXPORTER_OTLP_HEADERS has it. */
const headers = z
  .string()
  .transform((v) => v.split(',').map((p) => p.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[^=\s]+=.*$/, 'each entry must be key=value')))
  .transform((pairs) => Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')).trim(), decodeURIComponent(p.slice(p.indexOf('=') + 1).trim())])));

export const TraceEnv = z.object({
  OTEL_EXPORTER_OTLP_ENDPOINT: url.optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: url.optional(),
  OTEL_EXPORTER_OTLP_HEADERS: headers.optional(),
  OTEL_EXPORTER_OTLP_TRACES_HEADERS: headers.optional(),
  OTEL_SERVICE_NAME: z.string().min(1).max(200).default('diplograph'),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().min(10).max(600_000).default(5_000),
});

/** The traces endpoint: the per-signal one as given, or the base one with /v1/traces, as the OTLP spec says. */
export function traceSettings(e: z.infer<typeof TraceEnv>, serviceVersion?: string): TraceSettings {
  const base = e.OTEL_EXPORTER_OTLP_ENDPOINT;
  return {
    url: e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined),
    headers: { ...e.OTEL_EXPORTER_OTLP_HEADERS, ...e.OTEL_EXPORTER_OTLP_TRACES_HEADERS },
    serviceName: e.OTEL_SERVICE_NAME,
    ...(serviceVersion ? { serviceVersion } : {}),
    sampleRatio: e.OTEL_TRACES_SAMPLER_ARG,
    exportDelayMs: e.OTEL_BSP_SCHEDULE_DELAY,
  };
}

/** For ./start-tracing: the settings from `env`, or undefined when they do not validate (src/config.ts reports why). */
export function readTraceSettings(env: NodeJS.ProcessEnv): TraceSettings | undefined {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = TraceEnv.safeParse(cleaned);
  return parsed.success ? traceSettings(parsed.data) : undefined;
}
