/**
 * The real API as a child process (`node -r @swc-node/register apps/api/src/main.ts`), in demo mode
 * (NODE_ENV unset: demo users with a generated password) on a free port, on the bench database.
 */
import { randomBytes } from 'node:crypto';
import { freePort } from '../support/net';
import { type Service, spawnTs } from '../support/processes';
import { JsonClient, expectStatus } from './http-client';

/** The body of POST /api/auth/login. */
export interface LoggedIn {
  accessToken: string;
  user: { id: string; username: string; roles: ('admin' | 'supervisor' | 'rep')[]; region: string | null };
}

/** One password for every API started on the bench database (demo users are seeded once). */
const DEMO_PASSWORD = 'bench-demo-password';

export interface ApiProcess {
  service: Service;
  baseUrl: string;
  /** A client logged in as `username` (one keep-alive agent per client). */
  login(username: string): Promise<{ client: JsonClient; session: LoggedIn }>;
}

export async function startApi(databaseUrl: string, temporalAddress: string): Promise<ApiProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), TEMPORAL_ADDRESS: temporalAddress, TEMPORAL_NAMESPACE: 'default',
    JWT_SECRET: randomBytes(32).toString('hex'), ORDERPATH_DEMO_PASSWORD: DEMO_PASSWORD,
  };
  delete env.NODE_ENV;
  const service = spawnTs('api', 'apps/api/src/main.ts', env);
  await service.waitForOutput('OrderPath API on', 120_000);
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    service, baseUrl,
    async login(username) {
      const client = new JsonClient(baseUrl);
      const session = expectStatus(await client.post<LoggedIn>('/api/auth/login', { username, password: DEMO_PASSWORD }), 200, `login as ${username}`);
      client.token = session.accessToken;
      return { client, session };
    },
  };
}
