import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { z } from 'zod';
import { parseInput } from '../common/validate';
import { Public } from './auth.decorators';
import { AuthService, type LoginResult } from './auth.service';

const loginBody = z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Public()
  @Throttle({ login: { limit: Number(process.env.ORDERPATH_LOGIN_LIMIT ?? 10), ttl: 60_000 } })
  @Post('login')
  @HttpCode(200)
  login(@Body() body: unknown): Promise<LoginResult> {
    const { username, password } = parseInput(loginBody, body);
    return this.auth.login(username, password);
  }
}
