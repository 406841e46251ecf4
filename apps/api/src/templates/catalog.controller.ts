import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DOMAIN_ACTIVITY_NAMES } from '@orderpath/activities';
import { ROLES } from '../auth/auth.types';

/** What a template may name: the activities the worker registers and the roles tasks go to. */
@ApiTags('templates')
@ApiBearerAuth()
@Controller('catalog')
export class CatalogController {
  @Get()
  catalog(): { activities: string[]; roles: string[] } {
    return { activities: [...DOMAIN_ACTIVITY_NAMES].sort(), roles: [...ROLES] };
  }
}
