import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AuthUser, Role } from './auth.types';

export const IS_PUBLIC = 'orderpath:public';
export const LOGIN_THROTTLED = 'orderpath:login-throttled';
export const REQUIRED_ROLES = 'orderpath:roles';

/** Marks a route as reachable without a token (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Any of these roles may call the route; admins may call everything. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest().user);
/** Counts the route against the login rate limit (ORDERPATH_LOGIN_LIMIT per IP and minute). */
export const LoginThrottled = () => SetMetadata(LOGIN_THROTTLED, true);
export const isLoginThrottled = (ctx: ExecutionContext): boolean => Reflect.getMetadata(LOGIN_THROTTLED, ctx.getHandler()) === true;
