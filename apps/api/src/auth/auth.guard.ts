import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ForbiddenError, UnauthorizedError } from '../common/errors';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import type { AuthUser, Role } from './auth.types';
import { VerifiedTokenCache } from './verified-token-cache';

/** Distinct tokens remembered after verification (~0.5 KB each). */
const VERIFIED_TOKENS = 5000;

interface Claims {
  sub: string;
  username: string;
  roles: Role[];
  region: string | null;
  exp?: number;
}

/** Global guard: every route needs a valid bearer JWT unless marked @Public(); @Roles() narrows it. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokenCache<AuthUser>(VERIFIED_TOKENS);

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
    const user = this.verified.get(token) ?? await this.verify(token);
    req.user = user;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !user.roles.includes('admin') && !required.some((r) => user.roles.includes(r))) {
      throw new ForbiddenError(`this action needs one of the roles: ${required.join(', ')}`);
    }
    return true;
  }

  private async verify(token: string): Promise<AuthUser> {
    let claims: Claims;
    try {
      claims = await this.jwt.verifyAsync<Claims>(token);
    } catch {
      throw new UnauthorizedError('the bearer token is invalid or expired; log in again');
    }
    // Frozen: the same object serves every request carrying this token.
    const user: AuthUser = Object.freeze({ id: claims.sub, username: claims.username, roles: Object.freeze([...claims.roles]) as Role[], region: claims.region });
    // Our tokens always expire; one without `exp` is verified on every request.
    if (typeof claims.exp === 'number') this.verified.set(token, user, claims.exp * 1000);
    return user;
  }
}
