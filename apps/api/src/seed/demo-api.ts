/**
 * The public HTTP API as the demo order seeding uses it: the same routes, auth and validation a
 * browser goes through, so demo orders are real orders in every respect.
 */
export interface ApiAnswer<T = unknown> { status: number; body: T }

/** One HTTP call; `token` null for login. `body` is JSON unless `contentType` says otherwise. */
export type ApiCall = (method: 'GET' | 'POST' | 'PUT', path: string, token: string | null, body?: unknown, contentType?: string) => Promise<ApiAnswer>;

/** An ApiCall over fetch to a running API (path under /api). */
export function fetchApi(baseUrl: string): ApiCall {
  return async (method, path, token, body, contentType = 'application/json') => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': contentType } : {}) },
      body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : String(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed };
  };
}

export class DemoApiError extends Error {
  override name = 'DemoApiError';
}

/** Calls and insists on a 2xx answer. */
export async function ok<T = unknown>(api: ApiCall, method: 'GET' | 'POST' | 'PUT', path: string, token: string | null, body?: unknown, contentType?: string): Promise<T> {
  const res = await api(method, path, token, body, contentType);
  if (res.status < 200 || res.status >= 300) throw new DemoApiError(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 400)}`);
  return res.body as T;
}

export async function login(api: ApiCall, username: string, password: string): Promise<string> {
  return (await ok<{ accessToken: string }>(api, 'POST', '/auth/login', null, { username, password })).accessToken;
}

/** Polls fn until it yields a value; throws after timeoutMs. */
export async function poll<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new DemoApiError(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
