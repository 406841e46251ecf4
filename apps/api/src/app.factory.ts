import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { problemBody } from './common/problem.filter';
import type { AppConfig } from './config';
import { registerBodyParsers } from './http/body-parsers';
import { serveDesigner } from './http/designer-static';
import { registerSecurityHeaders } from './http/security-headers';

/**
 * The API on Fastify, ready to serve: `main.ts` listens on it, tests hand `getHttpServer()` to
 * supertest. Decision: Fastify, not Express — the API thread is the inbox benchmark's bottleneck,
 * and its CPU per request went from 0.55–0.58 ms on Express (ETag, `res.json`, body-parser checks
 * on every request) to 0.32 ms on Fastify, of which the token cache and `Sql` account for ~0.025 ms.
 */
export async function createApp(config: AppConfig, opts: { logLevels?: LogLevel[] } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // As Express routed: /api/tasks/ is /api/tasks.
    routerOptions: { ignoreTrailingSlash: true },
    // A URL the router cannot decode (`/api/%E0`) never reaches Nest (nor its filter): answered here.
    frameworkErrors: (err: Error, req: FastifyRequest, reply: FastifyReply) =>
      reply.status(400).type('application/problem+json').send(problemBody(400, 'bad_url', err.message, req.url)),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.of(config), adapter, {
    bodyParser: false, logger: opts.logLevels ?? ['log', 'warn', 'error'],
  });
  registerSecurityHeaders(app.getHttpAdapter().getInstance());
  registerBodyParsers(app.getHttpAdapter().getInstance());
  await serveDesigner(app, process.env.ORDERPATH_DESIGNER_DIST ?? join(__dirname, '../../../designer/dist'));
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  const doc = SwaggerModule.createDocument(app, new DocumentBuilder()
    .setTitle('OrderPath API').setVersion('0.1').addBearerAuth().build());
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/openapi.json' });
  await app.init();
  // Plugins (static files, Swagger's assets) load on ready(); supertest needs them loaded.
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
