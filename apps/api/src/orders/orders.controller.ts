import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { limitSchema } from '../common/pagination';
import { parseInput } from '../common/validate';
import { OrdersService } from './orders.service';

const createBody = z.strictObject({
  templateKey: z.string().min(1).max(80),
  templateVersion: z.number().int().positive().optional(),
  title: z.string().min(1).max(300),
  distributorId: z.string().max(100).optional(),
  region: z.string().max(100).optional(),
  variables: z.record(z.string(), z.unknown()).optional(),
});
const listQuery = z.strictObject({
  status: z.string().max(40).optional(),
  stage: z.string().max(80).optional(),
  stuck: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: limitSchema,
});
const messageBody = z.strictObject({ payload: z.unknown().optional(), correlation: z.unknown().optional() });
const cancelBody = z.strictObject({ reason: z.string().min(1).max(1000) });
const migrateBody = z.strictObject({
  toVersion: z.number().int().positive(),
  nodeMapping: z.record(z.string(), z.string()).default({}),
  reason: z.string().max(1000).optional(),
});

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class OrdersController {
  constructor(@Inject(OrdersService) private readonly orders: OrdersService) {}

  /** Starts an order; honours `Idempotency-Key` (a repeat returns the first order with 200). */
  @Roles('admin', 'supervisor', 'rep')
  @Post()
  async create(@Body() body: unknown, @Headers('idempotency-key') key: string | undefined, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    const { order, created } = await this.orders.create(parseInput(createBody, body), user, key?.slice(0, 200));
    res.status(created ? 201 : 200);
    return order;
  }

  @Get()
  list(@Query() query: unknown) {
    const q = parseInput(listQuery, query, 'query');
    return this.orders.list(q);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.orders.get(id);
  }

  @Get(':id/timeline')
  timeline(@Param('id') id: string) {
    return this.orders.timeline(id);
  }

  @Get(':id/state')
  state(@Param('id') id: string) {
    return this.orders.state(id);
  }

  @Post(':id/messages/:name')
  @HttpCode(202)
  message(@Param('id') id: string, @Param('name') name: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    const { payload, correlation } = parseInput(messageBody, body);
    return this.orders.sendMessage(id, name, payload, correlation, user);
  }

  @Roles('supervisor')
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.orders.cancel(id, parseInput(cancelBody, body).reason, user);
  }

  @Roles('supervisor')
  @Post(':id/migrate')
  @HttpCode(200)
  migrate(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    const { toVersion, nodeMapping, reason } = parseInput(migrateBody, body);
    return this.orders.migrate(id, toVersion, nodeMapping, reason ?? null, user);
  }
}
