import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { ApiOk, ApiProblems, ZodQuery, pageSchema } from '../common/openapi';
import { limitSchema } from '../common/pagination';
import { parseInput } from '../common/validate';
import { AuditService } from './audit.service';

const listQuery = z.strictObject({
  target: z.string().max(200).optional().describe('e.g. order:<id>, task:<id>, template:<key>'),
  actor: z.string().max(100).optional().describe('username'),
  action: z.string().max(100).optional().describe('e.g. order.cancel, incident.resolve, template.publish'),
  cursor: z.string().max(500).optional(),
  limit: limitSchema,
});

@ApiTags('audit')
@ApiBearerAuth()
@ApiProblems(400, 401, 403)
@Controller('audit')
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  /** The audit trail (who, when, what, why); supervisors see their region's entries. */
  @Roles('supervisor')
  @Get()
  @ZodQuery(listQuery)
  @ApiOk(200, 'audit entries, newest first', pageSchema({ type: 'object', properties: {
    id: { type: 'string' }, at: { type: 'string', format: 'date-time' }, actor: { type: 'string' }, action: { type: 'string' },
    target: { type: 'string' }, reason: { type: 'string', nullable: true }, data: { type: 'object', nullable: true }, region: { type: 'string', nullable: true },
  } }))
  list(@Query() query: unknown, @CurrentUser() user: AuthUser) {
    return this.audit.list(parseInput(listQuery, query, 'query'), user);
  }
}
