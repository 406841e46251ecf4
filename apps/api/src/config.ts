/**
 * Runtime configuration from the environment. Production mode refuses default secrets.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_DATABASE_URL } from '@orderpath/activities/db/data-source';

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
  bodyLimit: string;
}

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
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
