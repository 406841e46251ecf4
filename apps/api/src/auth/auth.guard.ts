import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ForbiddenError, UnauthorizedError } from '../common/errors';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import type { AuthUser, Role } from './auth.types';

/** Global guard: every route needs a valid bearer JWT unless marked @Public(); @Roles() narrows it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) throw new UnauthorizedError();
    let user: AuthUser;
    try {
      const claims = await this.jwt.verifyAsync<{ sub: string; username: string; roles: Role[]; region: string | null }>(token);
      user = { id: claims.sub, username: claims.username, roles: claims.roles, region: claims.region };
    } catch {
      throw new UnauthorizedError('the bearer token is invalid or expired; log in again');
    }
    req.user = user;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !user.roles.includes('admin') && !required.some((r) => user.roles.includes(r))) {
      throw new ForbiddenError(`this action needs one of the roles: ${required.join(', ')}`);
    }
    return true;
  }
}
