import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { limitSchema } from '../common/pagination';
import { parseInput } from '../common/validate';
import { TasksService } from './tasks.service';

const listQuery = z.strictObject({
  assignee: z.string().max(100).optional(),
  status: z.enum(['open', 'completed', 'cancelled']).default('open'),
  role: z.string().max(60).optional(),
  orderId: z.uuid().optional(),
  cursor: z.string().max(500).optional(),
  limit: limitSchema,
});
const completeBody = z.strictObject({ data: z.record(z.string(), z.unknown()).default({}) });
const reassignBody = z.strictObject({ userId: z.string().min(1).max(100), reason: z.string().max(1000).optional() });

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(@Inject(TasksService) private readonly tasks: TasksService) {}

  @Get()
  list(@Query() query: unknown, @CurrentUser() user: AuthUser) {
    return this.tasks.list(parseInput(listQuery, query, 'query'), user);
  }

  @Get(':id')
  get(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.tasks.get(id, user);
  }

  @Post(':id/complete')
  @HttpCode(200)
  complete(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.tasks.complete(id, parseInput(completeBody, body).data, user);
  }

  @Post(':id/claim')
  @HttpCode(200)
  claim(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.tasks.claim(id, user);
  }

  @Post(':id/release')
  @HttpCode(200)
  release(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.tasks.release(id, user);
  }

  @Roles('supervisor')
  @Post(':id/reassign')
  @HttpCode(200)
  reassign(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    const { userId, reason } = parseInput(reassignBody, body);
    return this.tasks.reassign(id, userId, reason ?? null, user);
  }
}
