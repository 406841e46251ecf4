/**
 * Runtime configuration from the environment. Production mode refuses default secrets.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_DATABASE_URL } from '@orderpath/activities/db/data-source';
import { parseDuration } from '@orderpath/workflows/definition/duration';

export interface AppConfig {
  production: boolean;
  port: number;
  databaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  temporalUiUrl: string;
  jwtSecret: string;
  jwtTtl: string;
  demo: boolean;
  demoPassword: string;
  /** Largest request body, as configured (`1mb`) and in bytes. */
  bodyLimit: string;
  bodyLimitBytes: number;
  /** Failed or successful logins allowed per client IP and minute. */
  loginLimit: number;
  /** `no_progress`: a running/waiting order with no event for this long is stuck (ms). */
  noProgressAfterMs: number;
  /** Months (1–12) counted as peak season by the time-allocation analytics. */
  peakMonths: number[];
}

/** Chinese snack-food peak: Mid-Autumn and National Day gifting through Spring Festival. */
export const DEFAULT_PEAK_MONTHS = [1, 2, 9, 10, 11, 12];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const demo = !production && env.ORDERPATH_DEMO !== 'false';
  const jwtSecret = env.JWT_SECRET ?? (production ? '' : randomBytes(32).toString('hex'));
  if (production) {
    if (!jwtSecret || jwtSecret.length < 32 || /secret|changeme|demo/i.test(jwtSecret)) {
      throw new ConfigError('NODE_ENV=production needs JWT_SECRET: at least 32 random characters (e.g. `openssl rand -hex 32`)');
    }
    if (env.ORDERPATH_DEMO === 'true') throw new ConfigError('demo users are not allowed in production; unset ORDERPATH_DEMO');
    if (!env.DATABASE_URL) throw new ConfigError('NODE_ENV=production needs DATABASE_URL');
  }
  return {
    production,
    port: Number(env.PORT ?? 3000),
    databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    temporalAddress: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    temporalUiUrl: env.TEMPORAL_UI_URL ?? 'http://localhost:8233',
    jwtSecret,
    jwtTtl: env.JWT_TTL ?? '12h',
    demo,
    demoPassword: env.ORDERPATH_DEMO_PASSWORD ?? 'demo',
    bodyLimit: env.ORDERPATH_BODY_LIMIT ?? '1mb',
    bodyLimitBytes: byteSize('ORDERPATH_BODY_LIMIT', env.ORDERPATH_BODY_LIMIT ?? '1mb'),
    // Test stacks pass a partial env object; the login limit they set lives in the process env.
    loginLimit: positiveInt('ORDERPATH_LOGIN_LIMIT', env.ORDERPATH_LOGIN_LIMIT ?? process.env.ORDERPATH_LOGIN_LIMIT, 10),
    noProgressAfterMs: durationMs('ORDERPATH_NO_PROGRESS_AFTER', env.ORDERPATH_NO_PROGRESS_AFTER ?? 'P7D'),
    peakMonths: months('ORDERPATH_PEAK_MONTHS', env.ORDERPATH_PEAK_MONTHS),
  };
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new ConfigError(`${name} must be a positive integer, got '${raw}'`);
  return n;
}

const BYTE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** `512kb`, `1mb`, `1048576` (bytes) — the sizes Express's body parsers accepted. */
function byteSize(name: string, raw: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(raw);
  const bytes = m ? Math.floor(Number(m[1]) * BYTE_UNITS[(m[2] ?? 'b').toLowerCase()]) : NaN;
  if (!(bytes >= 1)) throw new ConfigError(`${name} must be a size such as 512kb or 1mb, got '${raw}'`);
  return bytes;
}

function durationMs(name: string, raw: string): number {
  const ms = parseDuration(raw);
  if (ms === null || ms <= 0) throw new ConfigError(`${name} must be a positive ISO-8601 duration such as P7D or PT12H, got '${raw}'`);
  return ms;
}

function months(name: string, raw: string | undefined): number[] {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PEAK_MONTHS;
  const list = raw.split(',').map((m) => Number(m.trim()));
  if (list.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) {
    throw new ConfigError(`${name} must be a comma-separated list of month numbers 1-12 (e.g. 9,10,11,12,1,2), got '${raw}'`);
  }
  return [...new Set(list)].sort((a, b) => a - b);
}

export const APP_CONFIG = Symbol('APP_CONFIG');
