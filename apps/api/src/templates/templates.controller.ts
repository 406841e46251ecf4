import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { parseInput } from '../common/validate';
import { TemplatesService } from './templates.service';

const definitionBody = z.record(z.string(), z.unknown());
const createBody = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case kebab-case').max(80),
  name: z.string().min(1).max(200),
  definition: definitionBody,
});
const draftBody = z.strictObject({ definition: definitionBody });

@ApiTags('templates')
@ApiBearerAuth()
@Controller('templates')
export class TemplatesController {
  constructor(@Inject(TemplatesService) private readonly templates: TemplatesService) {}

  @Get()
  list() {
    return this.templates.list().then((items) => ({ items, nextCursor: null }));
  }

  @Roles('admin')
  @Post()
  create(@Body() body: unknown, @CurrentUser() user: AuthUser) {
    const { key, name, definition } = parseInput(createBody, body);
    return this.templates.create(key, name, definition, user.id);
  }

  @Get(':key')
  get(@Param('key') key: string) {
    return this.templates.get(key);
  }

  @Roles('admin')
  @Put(':key/draft')
  saveDraft(@Param('key') key: string, @Body() body: unknown) {
    return this.templates.saveDraft(key, parseInput(draftBody, body).definition);
  }

  @Roles('admin')
  @Post(':key/validate')
  @HttpCode(200)
  validate(@Param('key') key: string) {
    return this.templates.validate(key);
  }

  @Roles('admin')
  @Post(':key/publish')
  @HttpCode(200)
  publish(@Param('key') key: string, @CurrentUser() user: AuthUser) {
    return this.templates.publish(key, user.id);
  }

  @Get(':key/versions/:version')
  version(@Param('key') key: string, @Param('version', ParseIntPipe) version: number) {
    return this.templates.version(key, version);
  }
}
