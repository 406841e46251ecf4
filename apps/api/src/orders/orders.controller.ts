import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { Idempotent } from '../common/idempotency.interceptor';
import { ApiIdempotencyKey, ApiOk, ApiProblems, ZodBody, ZodQuery, pageSchema } from '../common/openapi';
import { limitSchema } from '../common/pagination';
import { parseInput } from '../common/validate';
import { OrdersService } from './orders.service';

/** PostgreSQL int4: larger numbers would fail in the database, not here. */
const MAX_INT = 2_147_483_647;
const ORDER_STATUSES = ['starting', 'running', 'waiting', 'incident', 'completed', 'cancelled', 'aborted'] as const;

const createBody = z.strictObject({
  templateKey: z.string().min(1).max(80),
  templateVersion: z.number().int().positive().max(MAX_INT).optional().describe('defaults to the latest published version'),
  title: z.string().min(1).max(300),
  distributorId: z.string().max(100).optional(),
  region: z.string().max(100).optional().describe('defaults to the caller\'s region; non-admins may only use their own'),
  variables: z.record(z.string(), z.unknown()).optional(),
});
const listQuery = z.strictObject({
  status: z.enum(ORDER_STATUSES).optional(),
  stage: z.string().max(120).optional(),
  stuck: z.enum(['true', 'false']).optional().describe('only orders that are (or are not) stuck for any of the five reasons'),
  q: z.string().max(200).optional().describe('title or distributor contains, or the exact order id'),
  templateKey: z.string().max(80).optional(),
  region: z.string().max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: limitSchema,
});
const timelineQuery = z.strictObject({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(200).default(200) });
const messageParams = z.strictObject({ id: z.string(), name: z.string().min(1).max(120).regex(/^[A-Za-z0-9_.:-]+$/, 'message names use letters, digits and _ . : -') });
const messageBody = z.strictObject({
  payload: z.unknown().optional(),
  correlation: z.unknown().optional(),
  reason: z.string().max(1000).optional().describe('why (kept in the audit trail)'),
});
const cancelBody = z.strictObject({ reason: z.string().min(1).max(1000) });
const migrateBody = z.strictObject({
  toVersion: z.number().int().positive().max(MAX_INT),
  nodeMapping: z.record(z.string(), z.string()).default({}).describe('source node id → target node id; unmapped nodes keep their id'),
  reason: z.string().max(1000).optional(),
});

const ORDER = { type: 'object', properties: {
  id: { type: 'string' }, title: { type: 'string' }, templateKey: { type: 'string' }, templateVersion: { type: 'integer' },
  status: { type: 'string', enum: [...ORDER_STATUSES] }, stage: { type: 'string', nullable: true }, activeNodes: { type: 'array', items: { type: 'string' } },
  distributorId: { type: 'string', nullable: true }, region: { type: 'string', nullable: true }, value: { type: 'number' },
  workflowId: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' }, lastEventAt: { type: 'string', format: 'date-time' },
  endedAt: { type: 'string', format: 'date-time', nullable: true },
} };

@ApiTags('orders')
@ApiBearerAuth()
@ApiProblems(400, 401, 403)
@Controller('orders')
export class OrdersController {
  constructor(@Inject(OrdersService) private readonly orders: OrdersService) {}

  /** Starts an order; honours `Idempotency-Key` (a repeat returns the first order with 200). */
  @Roles('admin', 'supervisor', 'rep')
  @Post()
  @ZodBody(createBody)
  @ApiIdempotencyKey()
  @ApiOk(201, 'the order was started', ORDER)
  @ApiOk(200, 'a repeat with the same Idempotency-Key: the first order', ORDER)
  @ApiProblems(404, 422)
  async create(@Body() body: unknown, @Headers('idempotency-key') key: string | undefined, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: FastifyReply) {
    const { order, created } = await this.orders.create(parseInput(createBody, body), user, key?.slice(0, 200));
    res.status(created ? 201 : 200);
    return order;
  }

  @Get()
  @ZodQuery(listQuery)
  @ApiOk(200, 'orders the caller may see, newest first', pageSchema(ORDER))
  list(@Query() query: unknown, @CurrentUser() user: AuthUser) {
    return this.orders.list(parseInput(listQuery, query, 'query'), user);
  }

  /** Status, stage, active nodes, variables, open tasks and incidents, and `stuck` reasons. */
  @Get(':id')
  @ApiProblems(404)
  get(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.orders.get(id, user);
  }

  @Get(':id/timeline')
  @ZodQuery(timelineQuery)
  @ApiProblems(404)
  timeline(@Param('id') id: string, @Query() query: unknown, @CurrentUser() user: AuthUser) {
    const { cursor, limit } = parseInput(timelineQuery, query, 'query');
    return this.orders.timeline(id, user, cursor, limit);
  }

  @Get(':id/state')
  @ApiProblems(404, 409)
  state(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.orders.state(id, user);
  }

  /** Delivers a business message (e.g. paymentReceived) to the order; kept until a token waits for it. Audited. */
  @Post(':id/messages/:name')
  @HttpCode(202)
  @Idempotent()
  @ZodBody(messageBody)
  @ApiProblems(404, 409)
  message(@Param() params: unknown, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    const { id, name } = parseInput(messageParams, params, 'path');
    const { payload, correlation, reason } = parseInput(messageBody, body);
    return this.orders.sendMessage(id, name, { payload, correlation, reason: reason ?? null }, user);
  }

  @Roles('supervisor')
  @Post(':id/cancel')
  @HttpCode(200)
  @ZodBody(cancelBody)
  @ApiProblems(404, 409)
  cancel(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.orders.cancel(id, parseInput(cancelBody, body).reason, user);
  }

  @Roles('supervisor')
  @Post(':id/migrate')
  @HttpCode(200)
  @ZodBody(migrateBody)
  @ApiProblems(404, 409)
  migrate(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    const { toVersion, nodeMapping, reason } = parseInput(migrateBody, body);
    return this.orders.migrate(id, toVersion, nodeMapping, reason ?? null, user);
  }
}
