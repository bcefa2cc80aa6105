import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../errors';

/** RATE_LIMIT_* settings: a budget of cost units per client and window. */
export interface RateSettings {
  enabled: boolean;
  windowS: number;
  /** Cost units per window for a caller with a token (API key or JWT subject). */
  points: number;
  /** Cost units per window for an anonymous caller (by IP address): stricter. */
  anonymousPoints: number;
  /** Where several instances share the budgets; null keeps them in this process's memory. */
  redisUrl: string | null;
}

/** Who spends a budget: a token's holder, or an address when anonymous. */
export interface Client {
  id: string;
  anonymous: boolean;
}

/** A token's holder spends its own budget (by key name or JWT subject); an anonymous caller, its address's. */
export function clientOf(actor: { name: string; via?: string } | null, address: string | undefined): Client {
  return actor ? { id: `${actor.via ?? 'key'}:${actor.name}`, anonymous: false } : { id: `ip:${address ?? 'unknown'}`, anonymous: true };
}

/** What a client has left, for the RateLimit-* headers. */
export interface Allowance {
  limit: number;
  remaining: number;
  resetS: number;
  windowS: number;
}

/**
 * Budgets per client, counted by rate-limiter-flexible: each request spends what it can return (the
 * cost of src/limits/cost.ts, at least 1), so one expensive query uses more than one cheap one. With a
 * Redis the budgets are shared by every instance; if Redis stops answering, each instance counts in
 * its own memory until it is back (the insurance limiter), rather than failing requests.
 */
export class RateLimits {
  private readonly known: RateLimiterAbstract;
  private readonly anonymous: RateLimiterAbstract;
  private readonly redis: Redis | null;

  constructor(readonly settings: RateSettings) {
    this.redis = settings.redisUrl ? new Redis(settings.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: false }) : null;
    // An unreachable Redis is reported by the limiter's insurance, not as an unhandled 'error' event.
    this.redis?.on('error', () => undefined);
    const make = (points: number, keyPrefix: string): RateLimiterAbstract => {
      const options = { points, duration: settings.windowS, keyPrefix };
      return this.redis ? new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(options) }) : new RateLimiterMemory(options);
    };
    this.known = make(settings.points, 'diplograph-rate');
    this.anonymous = make(settings.anonymousPoints, 'diplograph-rate-anon');
  }

  /**
   * Whether the shared store answers: resolves true once Redis is connected, false after `timeoutMs`
   * without it (budgets are then counted in memory until it is). Without Redis: true at once.
   */
  async ready(timeoutMs = 5_000): Promise<boolean> {
    const redis = this.redis;
    if (!redis) return true;
    if (redis.status === 'ready') return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** Spends `cost` of the client's budget; what is left, or a 429 RATE_LIMITED error with Retry-After. */
  async spend(client: Client, cost: number): Promise<Allowance> {
    const limiter = client.anonymous ? this.anonymous : this.known;
    const limit = client.anonymous ? this.settings.anonymousPoints : this.settings.points;
    const points = Math.max(1, Math.ceil(cost));
    try {
      const res = await limiter.consume(client.id, points);
      return { limit, remaining: res.remainingPoints, resetS: Math.ceil(res.msBeforeNext / 1000), windowS: this.settings.windowS };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const allowance = { limit, remaining: 0, resetS: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), windowS: this.settings.windowS };
      throw rateLimited(points, allowance, points > limit);
    }
  }

  async close(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

/** The RateLimit-* response headers (IETF httpapi draft, the fields most gateways send) and Retry-After when refused. */
export function rateLimitHeaders(a: Allowance, refused = false): [string, string][] {
  const headers: [string, string][] = [
    ['ratelimit-policy', `${a.limit};w=${a.windowS}`],
    ['ratelimit-limit', String(a.limit)],
    ['ratelimit-remaining', String(a.remaining)],
    ['ratelimit-reset', String(a.resetS)],
  ];
  if (refused) headers.push(['retry-after', String(a.resetS)]);
  return headers;
}
