import { createParamDecorator, type ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthUser, Role } from './auth.types';

export const IS_PUBLIC = 'orderpath:public';
export const REQUIRED_ROLES = 'orderpath:roles';

/** Marks a route as reachable without a token (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Any of these roles may call the route; admins may call everything. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest().user);
/**
 * Counts the route against the login rate limit (ORDERPATH_LOGIN_LIMIT per IP and minute). The
 * throttler guards only these routes, so no other request pays for its checks.
 */
export const LoginThrottled = () => UseGuards(ThrottlerGuard);
