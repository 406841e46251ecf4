import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { Idempotent } from '../common/idempotency.interceptor';
import { ApiOk, ApiProblems, ZodBody, ZodQuery, pageSchema } from '../common/openapi';
import { limitSchema } from '../common/pagination';
import { parseInput } from '../common/validate';
import { TasksService } from './tasks.service';

const listQuery = z.strictObject({
  assignee: z.string().max(100).optional().describe('a username, or `me`'),
  status: z.enum(['open', 'completed', 'cancelled']).default('open'),
  role: z.string().max(60).optional(),
  orderId: z.uuid().optional(),
  cursor: z.string().max(500).optional(),
  limit: limitSchema,
});
const completeBody = z.strictObject({ data: z.record(z.string(), z.unknown()).default({}).describe('form data, checked against the task form by the workflow') });
const reassignBody = z.strictObject({ userId: z.string().min(1).max(100).describe('user id or username'), reason: z.string().max(1000).optional() });
const commentBody = z.strictObject({ text: z.string().trim().min(1).max(4000) });

const TASK = { type: 'object', properties: {
  id: { type: 'string' }, orderId: { type: 'string' }, nodeId: { type: 'string' }, iteration: { type: 'integer' }, name: { type: 'string' },
  role: { type: 'string' }, assignee: { type: 'string', nullable: true }, stage: { type: 'string', nullable: true },
  category: { type: 'string', nullable: true }, status: { type: 'string' }, dueAt: { type: 'string', format: 'date-time', nullable: true },
  overdue: { type: 'boolean' }, createdAt: { type: 'string', format: 'date-time' }, orderTitle: { type: 'string' }, region: { type: 'string', nullable: true },
} };
const COMMENT = { type: 'object', properties: {
  id: { type: 'string' }, taskId: { type: 'string' }, author: { type: 'string' }, text: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' },
} };

@ApiTags('tasks')
@ApiBearerAuth()
@ApiProblems(400, 401, 403)
@Controller('tasks')
export class TasksController {
  constructor(@Inject(TasksService) private readonly tasks: TasksService) {}

  @Get()
  @ZodQuery(listQuery)
  @ApiOk(200, 'the inbox, earliest due first', pageSchema(TASK))
  list(@Query() query: unknown, @CurrentUser() user: AuthUser) {
    return this.tasks.list(parseInput(listQuery, query, 'query'), user);
  }

  /** Form, prefilled data, order summary and comments. */
  @Get(':id')
  @ApiProblems(404)
  get(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.tasks.get(id, user);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ZodBody(completeBody)
  @ApiProblems(404, 409)
  complete(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.tasks.complete(id, parseInput(completeBody, body).data, user);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiProblems(404, 409)
  claim(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.tasks.claim(id, user);
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiProblems(404)
  release(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.tasks.release(id, user);
  }

  /** Gives the task to another user (supervisors of the task's region, admins). Audited. */
  @Roles('supervisor')
  @Post(':id/reassign')
  @HttpCode(200)
  @ZodBody(reassignBody)
  @ApiProblems(404, 409)
  reassign(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    const { userId, reason } = parseInput(reassignBody, body);
    return this.tasks.reassign(id, userId, reason ?? null, user);
  }

  /** Adds a comment (listed in `GET /tasks/:id`). */
  @Post(':id/comments')
  @Idempotent()
  @ZodBody(commentBody)
  @ApiOk(201, 'the comment', COMMENT)
  @ApiProblems(404)
  comment(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.tasks.comment(id, parseInput(commentBody, body).text, user);
  }
}
