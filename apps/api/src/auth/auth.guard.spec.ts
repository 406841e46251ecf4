import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { UnauthorizedError } from '../common/errors';
import { AuthGuard } from './auth.guard';

const SECRET = 'guard-spec-secret-guard-spec-secret!!';
const claims = { sub: 'u1', username: 'rep1', roles: ['rep'], region: 'east' };

class TasksController {
  list() {}
}

/** An HTTP request to an authenticated route, as the guard sees it. */
function request(token: string) {
  const req: { headers: Record<string, string>; user?: unknown } = { headers: { authorization: `Bearer ${token}` } };
  const ctx = {
    getHandler: () => TasksController.prototype.list,
    getClass: () => TasksController,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  return { req, ctx };
}

function setUp() {
  const jwt = new JwtService({ secret: SECRET, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
  const verify = jest.spyOn(jwt, 'verifyAsync');
  return { jwt, verify, guard: new AuthGuard(new Reflector(), jwt) };
}

afterEach(() => jest.restoreAllMocks());

describe('AuthGuard', () => {
  it('verifies a token once and serves its caller from the cache afterwards', async () => {
    const { jwt, verify, guard } = setUp();
    const token = await jwt.signAsync(claims, { expiresIn: '1h' });
    for (let i = 0; i < 3; i += 1) {
      const { req, ctx } = request(token);
      await expect(guard.canActivate(ctx)).resolves.toBe(true);
      expect(req.user).toEqual({ id: 'u1', username: 'rep1', roles: ['rep'], region: 'east' });
    }
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('refuses a tampered token even while the genuine one is cached', async () => {
    const { jwt, guard } = setUp();
    const token = await jwt.signAsync(claims, { expiresIn: '1h' });
    await guard.canActivate(request(token).ctx);
    const [head, , signature] = token.split('.');
    const adminBody = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'], exp: 4_102_444_800 })).toString('base64url');
    const lastChar = signature.at(-1) === 'A' ? 'B' : 'A';
    for (const forged of [`${head}.${adminBody}.${signature}`, `${token.slice(0, -1)}${lastChar}`]) {
      await expect(guard.canActivate(request(forged).ctx)).rejects.toBeInstanceOf(UnauthorizedError);
    }
  });

  it('refuses a cached token once it has expired', async () => {
    // jsonwebtoken and the cache both read the clock through Date.now.
    const clock = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-03-01T08:00:00Z'));
    const { jwt, guard } = setUp();
    const token = await jwt.signAsync(claims, { expiresIn: 60 });
    await expect(guard.canActivate(request(token).ctx)).resolves.toBe(true);
    clock.mockReturnValue(Date.parse('2026-03-01T08:00:59.999Z'));
    await expect(guard.canActivate(request(token).ctx)).resolves.toBe(true);
    clock.mockReturnValue(Date.parse('2026-03-01T08:01:00Z'));
    await expect(guard.canActivate(request(token).ctx)).rejects.toBeInstanceOf(UnauthorizedError);
  });
});
