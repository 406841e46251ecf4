import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiOk, ApiProblems, ZodBody } from '../common/openapi';
import { parseInput } from '../common/validate';
import { LoginThrottled, Public } from './auth.decorators';
import { AuthService, type LoginResult } from './auth.service';

const loginBody = z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Public()
  @LoginThrottled()
  @Post('login')
  @HttpCode(200)
  @ZodBody(loginBody)
  @ApiOk(200, 'a bearer token and the user', { type: 'object', properties: { accessToken: { type: 'string' }, user: { type: 'object' } } })
  @ApiProblems(400, 401, 429)
  login(@Body() body: unknown): Promise<LoginResult> {
    const { username, password } = parseInput(loginBody, body);
    return this.auth.login(username, password);
  }
}
