import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { ApiOk, ApiProblems, ZodBody, ZodQuery, pageSchema } from '../common/openapi';
import { limitSchema } from '../common/pagination';
import { parseInput } from '../common/validate';
import { STUCK_REASONS } from '../stuck/stuck-reasons';
import { StuckService } from '../stuck/stuck.service';
import { IncidentsService } from './incidents.service';

const stuckQuery = z.strictObject({
  reason: z.enum(STUCK_REASONS).optional(),
  stage: z.string().max(120).optional(),
  region: z.string().max(100).optional().describe('admins: any region; supervisors: only their own'),
  cursor: z.string().max(500).optional(),
  limit: limitSchema,
});
const incidentsQuery = z.strictObject({
  status: z.enum(['open', 'resolved', 'all']).default('open'),
  orderId: z.uuid().optional(),
  region: z.string().max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: limitSchema,
});
const resolveBody = z.strictObject({
  action: z.enum(['retry', 'skip', 'abort']),
  variables: z.record(z.string(), z.unknown()).optional().describe('merged into the order variables before retry/skip'),
  reason: z.string().max(1000).optional().describe('why (kept in the audit trail)'),
});

const STUCK_ITEM = { type: 'object', properties: {
  orderId: { type: 'string' }, title: { type: 'string' }, region: { type: 'string', nullable: true }, stage: { type: 'string', nullable: true },
  value: { type: 'number' }, reason: { type: 'string', enum: [...STUCK_REASONS] }, since: { type: 'string', format: 'date-time' },
  nodeId: { type: 'string', nullable: true }, ageMs: { type: 'integer' }, detail: { type: 'object' },
} };

@ApiTags('supervision')
@ApiBearerAuth()
@ApiProblems(400, 401, 403)
@Controller()
export class SupervisionController {
  constructor(
    @Inject(StuckService) private readonly stuck: StuckService,
    @Inject(IncidentsService) private readonly incidents: IncidentsService,
  ) {}

  /** Stuck orders, oldest first then by order value; one item per (order, reason, node). */
  @Roles('supervisor')
  @Get('supervision/stuck')
  @ZodQuery(stuckQuery)
  @ApiOk(200, 'stuck orders', pageSchema(STUCK_ITEM))
  stuckOrders(@Query() query: unknown, @CurrentUser() user: AuthUser) {
    return this.stuck.list(parseInput(stuckQuery, query, 'query'), user);
  }

  @Roles('supervisor')
  @Get('incidents')
  @ZodQuery(incidentsQuery)
  @ApiOk(200, 'incidents, oldest first', pageSchema())
  listIncidents(@Query() query: unknown, @CurrentUser() user: AuthUser) {
    return this.incidents.list(parseInput(incidentsQuery, query, 'query'), user);
  }

  @Roles('supervisor')
  @Get('incidents/:id')
  @ApiProblems(404)
  getIncident(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.incidents.get(id, user);
  }

  /** Decides an incident: retry the service task, skip it, or abort the order. Audited. */
  @Roles('supervisor')
  @Post('incidents/:id/resolve')
  @HttpCode(200)
  @ZodBody(resolveBody)
  @ApiOk(200, 'the workflow accepted the decision', { type: 'object', properties: {
    id: { type: 'string' }, orderId: { type: 'string' }, action: { type: 'string' }, accepted: { type: 'boolean' } } })
  @ApiProblems(404, 409)
  resolve(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.incidents.resolve(id, parseInput(resolveBody, body), user);
  }
}
