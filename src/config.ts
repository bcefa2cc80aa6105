import path from 'node:path';
import { z } from 'zod';
import { TraceEnv, traceSettings, type TraceSettings } from './telemetry/trace-settings';
import { readPublicKey, type JwtSettings } from './auth/jwt';
import type { RateSettings } from './limits/rate';

/** The repository root, whether running from src/ (ts-jest) or dist/ (compiled). */
export const PROJECT_ROOT = path.resolve(__dirname, '..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(0).max(65535);

/** "name:token,name:token": who holds which bearer token. Tokens are secrets: at least 16 characters. */
const tokenList = z
  .string()
  .transform((v) => v.split(',').map((p) => p.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[\w.-]{1,64}:\S{16,}$/, 'each entry must be name:token with a token of 16+ characters')))
  .transform((pairs) => pairs.map((p) => ({ name: p.slice(0, p.indexOf(':')), token: p.slice(p.indexOf(':') + 1) })));

/** A comma-separated list of names. */
const list = z.string().transform((v) => v.split(',').map((p) => p.trim()).filter(Boolean));

/** Neo4j memory sizes in the form Neo4j's own settings accept: 512m, 1g, 1024k. */
const memorySize = z.string().regex(/^\d+[kmg]$/i, 'must look like 512m or 1g');

// --- Observability: logs, metrics (traces: OTEL_* in src/telemetry/trace-settings.ts) ---
const ObservabilityEnv = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** json, pretty, or unset: pretty in development on a terminal, JSON otherwise. */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  METRICS: bool.default(true),
  METRICS_PORT: port.optional(),
  METRICS_HOST: z.string().min(1).optional(),
  METRICS_TOKEN: z.string().regex(/^\S{16,}$/, 'must be 16+ characters without spaces').optional(),
});

/** How the process logs (LOG_LEVEL, LOG_FORMAT). */
export interface LogSettings {
  level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  format: 'json' | 'pretty' | 'auto';
  development: boolean;
}

/**
 * Where /metrics is served: on a port of its own (METRICS_PORT), else on the main port. With
 * METRICS_TOKEN only a bearer of it gets them. In production the main port serves them only with a
 * token: otherwise anyone who can send a query could read the service's traffic.
 */
export interface MetricsSettings {
  enabled: boolean;
  port?: number;
  host: string;
  token?: string;
  /** Whether the main app answers /metrics. */
  onMainPort: boolean;
}

// --- HTTP caching: ETags on query answers, automatic persisted queries ---
const CachingEnv = z.object({
  HTTP_CACHE: bool.default(true),
  ETAG_VERSION_MAX_AGE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  PERSISTED_QUERIES: bool.default(true),
  PERSISTED_QUERIES_CACHE_MB: z.coerce.number().int().min(1).max(1_024).default(16),
});

/**
 * ETags from the graph version on query answers (HTTP_CACHE) and automatic persisted queries
 * (README "Caching"). A 304 always reads the version afresh; a 200 may be tagged with a version read
 * up to `versionMaxAgeMs` before it ran (never newer than its answer, so never a stale 304).
 */
export interface HttpCacheSettings {
  etags: boolean;
  versionMaxAgeMs: number;
  persistedQueries: { enabled: boolean; maxBytes: number };
}

// --- Subscriptions: the change feed each instance reads from the audit trail (README "Subscriptions") ---
const FeedEnv = z.object({
  SUBSCRIPTIONS: bool.default(true),
  FEED_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(100),
  FEED_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  FEED_REPLAY_MAX: z.coerce.number().int().min(0).max(100_000).default(1_000),
  FEED_QUEUE_MAX: z.coerce.number().int().min(1).max(100_000).default(500),
});

/**
 * GraphQL subscriptions over WebSocket (SUBSCRIPTIONS) and the change feed behind them: each instance
 * reads the audit trail every FEED_POLL_MS while someone listens (and at once when a write through this
 * instance commits), FEED_PAGE_SIZE entries at a time; a
 * reconnect catches up on at most FEED_REPLAY_MAX missed entries; a subscriber leaving more than
 * FEED_QUEUE_MAX events unread is closed.
 */
export interface FeedConfig {
  enabled: boolean;
  pollMs: number;
  pageSize: number;
  replayMax: number;
  queueMax: number;
}

const EnvSchema = z
  .object({
    PORT: port.default(4000),
    HOST: z.string().min(1).default('127.0.0.1'),
    NEO4J_URI: z
      .string()
      .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'must be a neo4j:// or bolt:// URI (optionally +s or +ssc)')
      .optional(),
    NEO4J_USER: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().default(''),
    NEO4J_DATABASE: z.string().min(1).default('neo4j'),
    NEO4J_BOLT_PORT: port.default(7687),
    NEO4J_HTTP_PORT: port.default(7474),
    NEO4J_HOME: z.string().min(1).default(path.join(PROJECT_ROOT, '.neo4j')),
    NEO4J_HEAP: memorySize.default('512m'),
    NEO4J_PAGECACHE: memorySize.default('256m'),
    NEO4J_START_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
    SEED: bool.default(true),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    EDITOR_TOKENS: tokenList.default([]),
    READER_TOKENS: tokenList.default([]),
    OPEN_READS: bool.default(true),
    // Tokens an identity provider issues (JWTs), besides the API keys above: its JWKS or one public key.
    JWT_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
    JWT_PUBLIC_KEY: z.string().optional(),
    JWT_ISSUER: z.string().min(1).optional(),
    JWT_AUDIENCE: list.optional(),
    JWT_ALGORITHMS: list.pipe(z.array(z.enum(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519']))).default(['RS256', 'PS256', 'ES256', 'EdDSA']),
    JWT_ROLES_CLAIM: z.string().min(1).default('roles'),
    JWT_EDITOR_ROLES: list.default(['editor']),
    JWT_READER_ROLES: list.default(['reader']),
    JWT_DEFAULT_ROLE: z.enum(['reader', 'none']).default('reader'),
    JWT_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(300).default(5),
    JWT_JWKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
    JWT_JWKS_CACHE_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(600_000),
    JWT_JWKS_COOLDOWN_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
    // Rate limits: a budget of cost units per client (token holder, or address when anonymous) and window.
    RATE_LIMIT: bool.default(true),
    RATE_LIMIT_WINDOW_S: z.coerce.number().int().min(1).max(86_400).default(60),
    RATE_LIMIT_POINTS: z.coerce.number().int().min(1).max(1_000_000_000).default(5_000_000),
    RATE_LIMIT_ANONYMOUS_POINTS: z.coerce.number().int().min(1).max(1_000_000_000).default(1_000_000),
    RATE_LIMIT_REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    TRUST_PROXY: z
      .string()
      .transform((v) => (/^\d+$/.test(v) ? Number(v) : v === 'true' ? true : v === 'false' ? false : v))
      .optional(),
    CORS_ORIGINS: z
      .string()
      .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
      .pipe(z.array(z.url()))
      .default([]),
    INTROSPECTION: bool.optional(),
    PLAYGROUND: bool.optional(),
    MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
    MAX_COST: z.coerce.number().int().min(100).max(10_000_000).default(500_000),
    MAX_RESPONSE_VALUES: z.coerce.number().int().min(100).max(10_000_000).optional(),
    MAX_RESPONSE_BYTES: z.coerce.number().int().min(10_000).max(1_000_000_000).default(16_000_000),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
    EXPENSIVE_COST: z.coerce.number().int().min(1).max(10_000_000).default(100_000),
    MAX_EXPENSIVE_IN_FLIGHT: z.coerce.number().int().min(1).max(1_000).default(1),
    MAX_EXPENSIVE_QUEUED: z.coerce.number().int().min(0).max(10_000).default(8),
    MAX_QUEUE_WAIT_MS: z.coerce.number().int().min(0).max(300_000).default(5_000),
    MAX_ALIASES: z.coerce.number().int().min(1).max(100).default(15),
    MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(3_000),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(1_000).max(300_000).default(10_000),
  })
  .extend(ObservabilityEnv.shape)
  .extend(FeedEnv.shape)
  .extend(CachingEnv.shape)
  .extend(TraceEnv.shape);

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** How to run the local Neo4j when NEO4J_URI is not set. */
export interface LocalNeo4jSettings {
  /** Instance home: conf/, data/ and logs/ live here. */
  home: string;
  boltPort: number;
  httpPort: number;
  /** Neo4j memory sizes, e.g. 512m. */
  heap: string;
  pageCache: string;
  startTimeoutMs: number;
}

export interface Config {
  port: number;
  host: string;
  /** Set when the service should use an existing Neo4j; otherwise a local one is started. */
  neo4j: Neo4jConnection | undefined;
  database: string;
  local: LocalNeo4jSettings;
  seed: boolean;
  production: boolean;
  auth: {
    editors: { name: string; token: string }[];
    readers: { name: string; token: string }[];
    /** Reads without a token are allowed. */
    openReads: boolean;
    /** An identity provider whose JWTs are accepted too (JWT_*); null when none is configured. */
    jwt?: JwtSettings | null;
  };
  /** Browser origins allowed to call the API (empty: any). */
  corsOrigins: string[];
  /** Introspection and the landing page: on by default, off by default in production. */
  introspection: boolean;
  playground: boolean;
  limits: Limits;
  /** Budgets of cost units per client and window (RATE_LIMIT_*). */
  rate: RateSettings;
  /** Express's `trust proxy` (TRUST_PROXY): a hop count, true, or addresses/subnets of the proxies; unset: the socket's address. */
  trustProxy?: boolean | number | string;
  /** On SIGTERM/SIGINT: the whole stop (drain in-flight requests, close the driver, stop the local Neo4j) ends within this. */
  shutdownGraceMs: number;
  logs: LogSettings;
  metrics: MetricsSettings;
  traces: TraceSettings;
  /** Subscriptions and their change feed (SUBSCRIPTIONS, FEED_*). */
  feed: FeedConfig;
  /** ETags and persisted queries (HTTP_CACHE, ETAG_VERSION_MAX_AGE_MS, PERSISTED_QUERIES*). */
  httpCache: HttpCacheSettings;
}

/** Every limit a request meets, in one place (README "Limits" lists them with their errors). */
export interface Limits {
  maxDepth: number;
  /** The most values (fields, list items multiplied down the tree) a query may be able to return. */
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  /** The most values one request may actually resolve, and the approximate bytes of its answer. */
  maxResponseValues: number;
  maxResponseBytes: number;
  /** Wall clock for one request, Neo4j time included. */
  requestTimeoutMs: number;
  /** From this cost on a request is expensive: only `maxExpensiveInFlight` run at once, `maxExpensiveQueued` wait. */
  expensiveCost: number;
  maxExpensiveInFlight: number;
  maxExpensiveQueued: number;
  /** How long an expensive request may wait for its turn before it is refused with 503. */
  maxQueueWaitMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; every problem is reported together. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems = jwtProblems(e);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host: e.HOST,
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
      : undefined,
    database: e.NEO4J_DATABASE,
    local: {
      home: path.resolve(e.NEO4J_HOME),
      boltPort: e.NEO4J_BOLT_PORT,
      httpPort: e.NEO4J_HTTP_PORT,
      heap: e.NEO4J_HEAP,
      pageCache: e.NEO4J_PAGECACHE,
      startTimeoutMs: e.NEO4J_START_TIMEOUT_MS,
    },
    seed: e.SEED,
    production: e.NODE_ENV === 'production',
    auth: { editors: e.EDITOR_TOKENS, readers: e.READER_TOKENS, openReads: e.OPEN_READS, jwt: jwtSettings(e) },
    corsOrigins: e.CORS_ORIGINS,
    introspection: e.INTROSPECTION ?? e.NODE_ENV !== 'production',
    playground: e.PLAYGROUND ?? e.NODE_ENV !== 'production',
    limits: {
      maxDepth: e.MAX_DEPTH,
      maxCost: e.MAX_COST,
      maxAliases: e.MAX_ALIASES,
      maxTokens: e.MAX_TOKENS,
      maxResponseValues: e.MAX_RESPONSE_VALUES ?? e.MAX_COST,
      maxResponseBytes: e.MAX_RESPONSE_BYTES,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      expensiveCost: e.EXPENSIVE_COST,
      maxExpensiveInFlight: e.MAX_EXPENSIVE_IN_FLIGHT,
      maxExpensiveQueued: e.MAX_EXPENSIVE_QUEUED,
      maxQueueWaitMs: e.MAX_QUEUE_WAIT_MS,
    },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    rate: { enabled: e.RATE_LIMIT, windowS: e.RATE_LIMIT_WINDOW_S, points: e.RATE_LIMIT_POINTS, anonymousPoints: e.RATE_LIMIT_ANONYMOUS_POINTS, redisUrl: e.RATE_LIMIT_REDIS_URL ?? null },
    trustProxy: e.TRUST_PROXY,
    logs: { level: e.LOG_LEVEL, format: e.LOG_FORMAT ?? 'auto', development: e.NODE_ENV === 'development' },
    metrics: {
      enabled: e.METRICS,
      ...(e.METRICS_PORT !== undefined ? { port: e.METRICS_PORT } : {}),
      host: e.METRICS_HOST ?? e.HOST,
      ...(e.METRICS_TOKEN !== undefined ? { token: e.METRICS_TOKEN } : {}),
      onMainPort: e.METRICS && e.METRICS_PORT === undefined && (e.NODE_ENV !== 'production' || e.METRICS_TOKEN !== undefined),
    },
    traces: traceSettings(e),
    feed: { enabled: e.SUBSCRIPTIONS, pollMs: e.FEED_POLL_MS, pageSize: e.FEED_PAGE_SIZE, replayMax: e.FEED_REPLAY_MAX, queueMax: e.FEED_QUEUE_MAX },
    httpCache: {
      etags: e.HTTP_CACHE,
      versionMaxAgeMs: e.ETAG_VERSION_MAX_AGE_MS,
      persistedQueries: { enabled: e.PERSISTED_QUERIES, maxBytes: e.PERSISTED_QUERIES_CACHE_MB * 1024 * 1024 },
    },
  };
}

type Env = z.infer<typeof EnvSchema>;

/** What makes the identity provider's settings unusable, all at once (checked at start, not per request). */
function jwtProblems(e: Env): string[] {
  if (!e.JWT_JWKS_URL && !e.JWT_PUBLIC_KEY) return [];
  const problems: string[] = [];
  if (e.JWT_JWKS_URL && e.JWT_PUBLIC_KEY) problems.push('JWT_JWKS_URL, JWT_PUBLIC_KEY: set one of them, not both');
  if (!e.JWT_ISSUER) problems.push('JWT_ISSUER: required with JWT_JWKS_URL or JWT_PUBLIC_KEY (the tokens\' iss)');
  if (!e.JWT_AUDIENCE?.length) problems.push('JWT_AUDIENCE: required with JWT_JWKS_URL or JWT_PUBLIC_KEY (this service\'s name in the tokens\' aud)');
  if (e.JWT_PUBLIC_KEY) {
    try {
      readPublicKey(e.JWT_PUBLIC_KEY);
    } catch {
      problems.push('JWT_PUBLIC_KEY: not a PEM public key');
    }
  }
  return problems;
}

function jwtSettings(e: Env): JwtSettings | null {
  if (!e.JWT_JWKS_URL && !e.JWT_PUBLIC_KEY) return null;
  return {
    jwksUrl: e.JWT_JWKS_URL ?? null,
    publicKey: e.JWT_PUBLIC_KEY ?? null,
    issuer: e.JWT_ISSUER!,
    audiences: e.JWT_AUDIENCE!,
    algorithms: e.JWT_ALGORITHMS,
    rolesClaim: e.JWT_ROLES_CLAIM,
    editorRoles: e.JWT_EDITOR_ROLES,
    readerRoles: e.JWT_READER_ROLES,
    defaultRole: e.JWT_DEFAULT_ROLE === 'none' ? null : e.JWT_DEFAULT_ROLE,
    clockToleranceS: e.JWT_CLOCK_TOLERANCE_S,
    jwksTimeoutMs: e.JWT_JWKS_TIMEOUT_MS,
    jwksCacheMs: e.JWT_JWKS_CACHE_MS,
    jwksCooldownMs: e.JWT_JWKS_COOLDOWN_MS,
  };
}
