import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { BadRequestError } from '../common/errors';
import { Idempotent } from '../common/idempotency.interceptor';
import { ApiOk, ApiProblems, ZodBody, ZodQuery, pageSchema } from '../common/openapi';
import { limitSchema } from '../common/pagination';
import { parseInput } from '../common/validate';
import { TemplatesService } from './templates.service';

const templateKey = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case kebab-case').max(80);
const definitionBody = z.record(z.string(), z.unknown()).describe('the template definition (DESIGN.md §3); checked by validate/publish');
const createBody = z.strictObject({ key: templateKey, name: z.string().min(1).max(200), definition: definitionBody });
const draftBody = z.strictObject({ definition: definitionBody });
const listQuery = z.strictObject({ cursor: z.string().max(500).optional(), limit: limitSchema });
const versionParams = z.strictObject({ key: z.string().max(80), version: z.coerce.number().int().positive().max(2_147_483_647) });
const publishBody = z.strictObject({ reason: z.string().max(1000).optional().describe('why (kept in the audit trail)') });
const importQuery = z.strictObject({ key: templateKey.optional().describe('store under this key instead of the one derived from the BPMN process') });

const ISSUES = { type: 'array', items: { type: 'object', properties: {
  code: { type: 'string' }, severity: { type: 'string', enum: ['error', 'warning'] }, message: { type: 'string' },
  nodeId: { type: 'string' }, edgeId: { type: 'string' } } } };

@ApiTags('templates')
@ApiBearerAuth()
@ApiProblems(400, 401, 403)
@Controller('templates')
export class TemplatesController {
  constructor(@Inject(TemplatesService) private readonly templates: TemplatesService) {}

  @Get()
  @ZodQuery(listQuery)
  @ApiOk(200, 'templates by key', pageSchema({ type: 'object', properties: {
    key: { type: 'string' }, name: { type: 'string' }, latestVersion: { type: 'integer', nullable: true }, updatedAt: { type: 'string' } } }))
  list(@Query() query: unknown) {
    const { cursor, limit } = parseInput(listQuery, query, 'query');
    return this.templates.list(cursor, limit);
  }

  @Roles('admin')
  @Post()
  @Idempotent()
  @ZodBody(createBody)
  @ApiProblems(409)
  create(@Body() body: unknown, @CurrentUser() user: AuthUser) {
    const { key, name, definition } = parseInput(createBody, body);
    return this.templates.create(key, name, definition, user);
  }

  /**
   * Imports BPMN 2.0 XML (Camunda Modeler, bpmn.io, OrderPath's own export) into the draft of the
   * template it names (created when new). Unmappable parts come back as warnings. Audited.
   */
  @Roles('admin')
  @Post('import/bpmn')
  @Idempotent()
  @ZodQuery(importQuery)
  @ApiConsumes('application/xml', 'text/xml')
  @ApiBody({ description: 'BPMN 2.0 XML', schema: { type: 'string' } })
  @ApiOk(201, 'a new template was created from the BPMN', { type: 'object', properties: {
    key: { type: 'string' }, created: { type: 'boolean' }, warnings: { type: 'array', items: { type: 'object' } }, issues: ISSUES } })
  @ApiOk(200, 'the draft of an existing template was replaced')
  async importBpmn(@Body() body: unknown, @Query() query: unknown, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: FastifyReply) {
    const { key } = parseInput(importQuery, query, 'query');
    if (typeof body !== 'string') {
      throw new BadRequestError('send the BPMN XML as the request body with Content-Type application/xml', [
        { field: 'body', code: 'xml_expected', message: 'expected an application/xml or text/xml body' },
      ]);
    }
    const result = await this.templates.importBpmn(body, key, user);
    res.status(result.created ? 201 : 200);
    return result;
  }

  @Get(':key')
  @ApiProblems(404)
  get(@Param('key') key: string) {
    return this.templates.get(key);
  }

  @Roles('admin')
  @Put(':key/draft')
  @ZodBody(draftBody)
  @ApiProblems(404)
  saveDraft(@Param('key') key: string, @Body() body: unknown) {
    return this.templates.saveDraft(key, parseInput(draftBody, body).definition);
  }

  @Roles('admin')
  @Post(':key/validate')
  @HttpCode(200)
  @ApiOk(200, 'the draft\'s validation issues', { type: 'object', properties: { valid: { type: 'boolean' }, issues: ISSUES } })
  @ApiProblems(404)
  validate(@Param('key') key: string) {
    return this.templates.validate(key);
  }

  /** Publishes the draft as the next immutable version (422 with the issues when invalid). Audited. */
  @Roles('admin')
  @Post(':key/publish')
  @HttpCode(200)
  @ApiOk(200, 'the new version', { type: 'object', properties: { version: { type: 'integer' } } })
  @ZodBody(publishBody)
  @ApiProblems(404, 422)
  publish(@Param('key') key: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.templates.publish(key, user, parseInput(publishBody, body).reason ?? null);
  }

  @Get(':key/versions/:version')
  @ApiProblems(404)
  version(@Param() params: unknown) {
    const { key, version } = parseInput(versionParams, params, 'path');
    return this.templates.version(key, version);
  }

  /** The version as BPMN 2.0 XML with diagram coordinates. */
  @Get(':key/versions/:version/bpmn')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @ApiProduces('application/xml')
  @ApiOk(200, 'BPMN 2.0 XML', { type: 'string' })
  @ApiProblems(404)
  bpmn(@Param() params: unknown) {
    const { key, version } = parseInput(versionParams, params, 'path');
    return this.templates.versionBpmn(key, version);
  }
}
