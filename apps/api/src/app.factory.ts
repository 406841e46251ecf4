import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppModule } from './app.module';
import type { AppConfig } from './config';

/** Body parsing that answers malformed or oversized bodies with problem+json instead of HTML. */
function bodyParsers(limit: string) {
  const parsers = [express.json({ limit, strict: true }), express.text({ limit, type: ['application/xml', 'text/xml', 'text/csv', 'text/plain'] })];
  return parsers.map((parse) => (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: { type?: string; message?: string }) => {
      if (!err) return next();
      const tooLarge = err.type === 'entity.too.large';
      const status = tooLarge ? 413 : 400;
      const code = tooLarge ? 'payload_too_large' : err.type === 'entity.parse.failed' ? 'malformed_json' : 'invalid_body';
      res.status(status).type('application/problem+json').json({
        type: `https://orderpath.dev/problems/${code}`, title: code.replace(/_/g, ' '), status, code,
        detail: tooLarge ? `the request body is larger than ${limit}` : `the request body could not be parsed: ${err.message}`,
        instance: req.originalUrl,
      });
    }));
}

/**
 * Serves the built designer SPA (designer/dist, built by infra/browser.sh or
 * `npm run build -w @orderpath/designer`) when it exists: its files, and index.html for any other
 * GET outside /api so that deep links like /tasks/<id> load the app.
 */
function serveDesigner(app: INestApplication): void {
  const dist = resolve(process.env.ORDERPATH_DESIGNER_DIST ?? join(__dirname, '../../../designer/dist'));
  if (!existsSync(join(dist, 'index.html'))) return;
  const files = express.static(dist, { index: false, maxAge: '1h' });
  const isApi = (req: Request) => /^\/api(\/|$)/.test(req.path);
  // API requests never touch the file system (a stat per request showed in the inbox benchmark).
  app.use((req: Request, res: Response, next: NextFunction) => (isApi(req) ? next() : files(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isPage = (req.method === 'GET' || req.method === 'HEAD') && !isApi(req) && !req.path.startsWith('/assets/');
    if (!isPage) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(join(dist, 'index.html'));
  });
}

export async function createApp(config: AppConfig, opts: { logLevels?: LogLevel[] } = {}): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.of(config), { bodyParser: false, logger: opts.logLevels ?? ['log', 'warn', 'error'] });
  app.use(helmet({ contentSecurityPolicy: false }));
  for (const parser of bodyParsers(config.bodyLimit)) app.use(parser);
  serveDesigner(app);
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  const doc = SwaggerModule.createDocument(app, new DocumentBuilder()
    .setTitle('OrderPath API').setVersion('0.1').addBearerAuth().build());
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/openapi.json' });
  await app.init();
  return app;
}
