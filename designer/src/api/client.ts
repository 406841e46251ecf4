/**
 * The one fetch wrapper: bearer token, JSON in and out, and RFC 9457 problem+json errors turned
 * into ApiError (with `code`, `detail`, field `errors[]` and template `issues[]`).
 */
import type { ValidationIssue } from '@orderpath/workflows/definition/validate';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly issues: ValidationIssue[] = [],
  ) {
    super(detail || code);
    this.name = 'ApiError';
  }

  /** The route does not exist (an endpoint another release adds): callers degrade. */
  get missingRoute(): boolean {
    return this.status === 404 && (this.code === 'route_not_found' || this.code === 'http_404');
  }
}

let token: string | null = null;
let onUnauthorized: () => void = () => undefined;

export function setToken(value: string | null): void {
  token = value;
}

export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Send the body as this content type, verbatim (e.g. BPMN XML). */
  contentType?: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  accept?: string;
}

function url(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function toError(res: Response): Promise<ApiError> {
  const text = await res.text();
  let body: Record<string, unknown>;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { detail: text.slice(0, 200) };
  }
  const issues = Array.isArray(body.issues) ? body.issues as ValidationIssue[] : [];
  const errors = Array.isArray(body.errors) ? body.errors as FieldError[] : [];
  return new ApiError(res.status, String(body.code ?? `http_${res.status}`), String(body.detail ?? body.title ?? res.statusText), errors, issues);
}

/** Calls the API; resolves with the parsed JSON (or text for non-JSON answers). */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: opts.accept ?? 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    headers['content-type'] = opts.contentType ?? 'application/json';
    body = opts.contentType ? String(opts.body) : JSON.stringify(opts.body);
  }
  const res = await fetch(url(path, opts.query), { method: opts.method ?? (body ? 'POST' : 'GET'), headers, body });
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401 && token) onUnauthorized();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? res.json() : res.text()) as Promise<T>;
}

/** Like {@link api}, but resolves null when the route is missing (endpoints still to come). */
export async function optionalApi<T>(path: string, opts: RequestOptions = {}): Promise<T | null> {
  try {
    return await api<T>(path, opts);
  } catch (err) {
    if (err instanceof ApiError && err.missingRoute) return null;
    throw err;
  }
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.detail || err.code;
  return err instanceof Error ? err.message : String(err);
}
