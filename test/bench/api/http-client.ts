/** A small JSON HTTP client over one keep-alive agent (what a browser or gateway would reuse). */
import http from 'node:http';

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
}

export class JsonClient {
  private readonly agent: http.Agent;

  constructor(private readonly baseUrl: string, maxSockets = 32) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  token: string | null = null;

  get<T>(path: string): Promise<JsonResponse<T>> {
    return this.send<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<JsonResponse<T>> {
    return this.send<T>('POST', path, body);
  }

  close(): void {
    this.agent.destroy();
  }

  private send<T>(method: string, path: string, body?: unknown): Promise<JsonResponse<T>> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (payload !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    return new Promise((resolve, reject) => {
      const req = http.request(`${this.baseUrl}${path}`, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : null) as T });
          } catch (err) {
            reject(new Error(`${method} ${path}: answer is not JSON (${res.statusCode}): ${text.slice(0, 200)}`, { cause: err }));
          }
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }
}

/** Throws unless the response has the expected status, showing the problem body. */
export function expectStatus<T>(res: JsonResponse<T>, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  return res.body;
}
