/**
 * Serves the built designer SPA (designer/dist, built by infra/browser.sh or
 * `npm run build -w @orderpath/designer`) when it exists: its files, and index.html for any other
 * GET/HEAD outside /api and /assets, so that deep links like /tasks/<id> load the app.
 */
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { urlPath } from './url-path';

const ONE_HOUR_MS = 3_600_000;

export async function serveDesigner(app: NestFastifyApplication, dist: string): Promise<void> {
  const root = resolve(dist);
  if (!existsSync(join(root, 'index.html'))) return;
  // serve: false — only `reply.sendFile`; the route below decides what is a file.
  await app.register(fastifyStatic, { root, serve: false, index: false, maxAge: ONE_HOUR_MS });
  // A wildcard route: the router only reaches it for paths no API route matched, and unmatched
  // /api paths go straight to the not-found handler (404 problem+json) without touching the disk.
  app.getHttpAdapter().getInstance().get('/*', async (req: FastifyRequest, reply: FastifyReply) => {
    const path = urlPath(req.url);
    if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
    const file = await fileIn(root, path);
    if (file) return reply.sendFile(file);
    if (path.startsWith('/assets/')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
}

/** The file under root that the URL path names (relative to root), or null: missing, a directory, a dotfile or outside root. */
async function fileIn(root: string, path: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split('/').some((part) => part.startsWith('.'))) return null;
  const full = resolve(root, `.${decoded}`);
  if (!full.startsWith(root + sep)) return null;
  const info = await stat(full).catch(() => null);
  return info?.isFile() ? full.slice(root.length + 1) : null;
}
