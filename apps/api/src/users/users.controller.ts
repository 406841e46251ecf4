import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { type AuthUser, ROLES, type Role } from '../auth/auth.types';
import { Idempotent } from '../common/idempotency.interceptor';
import { ApiOk, ApiProblems, ZodBody, ZodQuery, pageSchema } from '../common/openapi';
import { limitSchema } from '../common/pagination';
import { parseInput } from '../common/validate';
import { UsersService } from './users.service';

const role = z.enum(ROLES as [Role, ...Role[]]);
const listQuery = z.strictObject({
  role: role.optional(),
  region: z.string().max(100).optional(),
  q: z.string().max(100).optional().describe('username or display name contains'),
  cursor: z.string().max(500).optional(),
  limit: limitSchema,
});
const createBody = z.strictObject({
  username: z.string().min(2).max(100).regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, . _ -'),
  displayName: z.string().min(1).max(200),
  password: z.string().min(8, 'at least 8 characters').max(200),
  roles: z.array(role).min(1).max(3).refine((r) => new Set(r).size === r.length, 'roles repeat'),
  region: z.string().min(1).max(100).nullable().optional(),
});

const USER = { type: 'object', properties: {
  id: { type: 'string' }, username: { type: 'string' }, displayName: { type: 'string' },
  roles: { type: 'array', items: { type: 'string', enum: ROLES } }, region: { type: 'string', nullable: true },
  createdAt: { type: 'string', format: 'date-time' },
} };

@ApiTags('users')
@ApiBearerAuth()
@ApiProblems(400, 401, 403)
@Controller()
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  /** Admins: every user; supervisors: the users of their region. */
  @Roles('supervisor')
  @Get('users')
  @ZodQuery(listQuery)
  @ApiOk(200, 'users by username', pageSchema(USER))
  list(@Query() query: unknown, @CurrentUser() user: AuthUser) {
    return this.users.list(parseInput(listQuery, query, 'query'), user);
  }

  @Roles('admin')
  @Post('users')
  @Idempotent()
  @ZodBody(createBody)
  @ApiOk(201, 'the new user', USER)
  @ApiProblems(409)
  create(@Body() body: unknown, @CurrentUser() user: AuthUser) {
    const input = parseInput(createBody, body);
    return this.users.create(input, user);
  }

  @Get('me')
  @ApiOk(200, 'the caller', USER)
  me(@CurrentUser() user: AuthUser) {
    return this.users.me(user);
  }
}
