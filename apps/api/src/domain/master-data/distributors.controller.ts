import { Body, Controller, Get, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles } from '../../auth/auth.decorators';
import type { AuthUser } from '../../auth/auth.types';
import { ApiOk, ApiProblems, ZodBody, ZodQuery, pageSchema } from '../../common/openapi';
import { limitSchema } from '../../common/pagination';
import { parseInput } from '../../common/validate';
import { DistributorsService } from './distributors.service';

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a period is YYYY-MM');
const channels = z.array(z.enum(['ka', 'traditional', 'wholesale'])).min(1).max(3);
const distributorBody = z.strictObject({
  id: z.string().min(1).max(60).regex(/^[A-Za-z0-9_.:-]+$/, 'ids use letters, digits and _ . : -'),
  name: z.string().min(1).max(200), regionId: z.string().min(1).max(60), channels,
  creditTermsDays: z.number().int().min(0).max(365).optional(), creditLimit: z.number().min(0).optional(),
  leadTimeDays: z.number().int().min(1).max(120).optional(), annualTarget: z.number().min(0).optional(),
  status: z.enum(['prospect', 'active', 'suspended']).optional(), rep: z.string().max(100).nullable().optional(),
});
const distributorPatch = distributorBody.omit({ id: true }).partial();
const listQuery = z.strictObject({
  regionId: z.string().max(60).optional(), channel: z.enum(['ka', 'traditional', 'wholesale']).optional(), q: z.string().max(200).optional(),
  cursor: z.string().max(500).optional(), limit: limitSchema,
});
const rangeQuery = z.strictObject({ from: period.optional(), to: period.optional() });
const forecastQuery = z.strictObject({ period: period.optional().describe('default: the month after the latest report') });

/** Distributors, their 进销存 history and the forecast behind their next demand plan. */
@ApiTags('distributors')
@ApiBearerAuth()
@ApiProblems(400, 401, 403)
@Controller('distributors')
export class DistributorsController {
  constructor(@Inject(DistributorsService) private readonly distributors: DistributorsService) {}

  @Get()
  @ZodQuery(listQuery)
  @ApiOk(200, 'distributors of the caller\'s region (admins: all)', pageSchema())
  list(@Query() query: unknown, @CurrentUser() user: AuthUser) {
    return this.distributors.list(parseInput(listQuery, query, 'query'), user);
  }

  @Get(':id')
  @ApiProblems(404)
  @ApiOk(200, 'profile, KA agreements, outlet counts, last six months of sell-through, stock position')
  get(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.distributors.get(id, user);
  }

  @Get(':id/sell-through')
  @ZodQuery(rangeQuery)
  @ApiProblems(404)
  sellThrough(@Param('id') id: string, @Query() query: unknown, @CurrentUser() user: AuthUser) {
    const { from, to } = parseInput(rangeQuery, query, 'query');
    return this.distributors.sellThrough(id, user, from, to);
  }

  @Get(':id/forecast')
  @ZodQuery(forecastQuery)
  @ApiProblems(404)
  @ApiOk(200, 'suggested quantity per SKU with its basis (method, forecast, safety stock, stock, in transit)')
  forecast(@Param('id') id: string, @Query() query: unknown, @CurrentUser() user: AuthUser) {
    return this.distributors.forecast(id, user, parseInput(forecastQuery, query, 'query').period);
  }

  @Roles('admin', 'supervisor')
  @Post()
  @ZodBody(distributorBody)
  @ApiProblems(404, 409)
  create(@Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.distributors.create(parseInput(distributorBody, body), user);
  }

  @Roles('admin', 'supervisor')
  @Put(':id')
  @ZodBody(distributorPatch)
  @ApiProblems(404)
  update(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.distributors.update(id, parseInput(distributorPatch, body), user);
  }
}
