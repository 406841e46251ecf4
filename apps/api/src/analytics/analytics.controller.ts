import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth.types';
import { BadRequestError } from '../common/errors';
import { ApiOk, ApiProblems, ZodQuery } from '../common/openapi';
import { parseInput } from '../common/validate';
import { AnalyticsService } from './analytics.service';
import { TimeAllocationService } from './time-allocation.service';

const YEAR_MS = 365 * 24 * 3600 * 1000;
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).describe('ISO date or date-time');
const region = z.string().max(100).optional().describe('admins: any region; supervisors: only their own');
const funnelQuery = z.strictObject({ templateKey: z.string().max(80).optional(), region });
const durationsQuery = z.strictObject({
  templateKey: z.string().min(1).max(80),
  version: z.coerce.number().int().positive().max(2_147_483_647).optional().describe('all versions when omitted'),
  region,
});
const allocationQuery = z.strictObject({
  role: z.enum(['rep', 'manager', 'supervisor']).optional().describe('rep, or manager (= supervisor); both when omitted'),
  season: z.enum(['off', 'peak']).optional().describe('both when omitted; peak months from ORDERPATH_PEAK_MONTHS'),
  from: instant.optional().describe('completed at or after (default: a year before `to`)'),
  to: instant.optional().describe('completed before (default: now)'),
  region,
});

@ApiTags('analytics')
@ApiBearerAuth()
@ApiProblems(400, 401, 403)
@Controller('analytics')
export class AnalyticsController {
  constructor(
    @Inject(AnalyticsService) private readonly analytics: AnalyticsService,
    @Inject(TimeAllocationService) private readonly allocation: TimeAllocationService,
  ) {}

  /** Orders per stage: how many ever reached it, how many are in it now. */
  @Roles('supervisor')
  @Get('funnel')
  @ZodQuery(funnelQuery)
  @ApiOk(200, 'stages in template order with reached/current counts')
  @ApiProblems(404)
  funnel(@Query() query: unknown, @CurrentUser() user: AuthUser) {
    const q = parseInput(funnelQuery, query, 'query');
    return this.analytics.funnel(q.templateKey, q.region, user);
  }

  /** Per-node p50/p90 in ms (the designer's heatmap). */
  @Roles('supervisor')
  @Get('durations')
  @ZodQuery(durationsQuery)
  @ApiOk(200, 'one entry per node of the version (latest when omitted)')
  @ApiProblems(404)
  durations(@Query() query: unknown, @CurrentUser() user: AuthUser) {
    const q = parseInput(durationsQuery, query, 'query');
    return this.analytics.durations(q.templateKey, q.version, q.region, user);
  }

  /** Share of working time per category × role × season, beside the domain brief's baseline. */
  @Roles('supervisor')
  @Get('time-allocation')
  @ZodQuery(allocationQuery)
  @ApiOk(200, 'rows in the order of the brief\'s Table 1, with share, baseline, minutes and task counts per column')
  timeAllocation(@Query() query: unknown, @CurrentUser() user: AuthUser) {
    const q = parseInput(allocationQuery, query, 'query');
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - YEAR_MS);
    if (from >= to) throw new BadRequestError('from must be before to', [{ field: 'from', code: 'invalid_range', message: 'from must be before to' }]);
    const role = q.role === 'supervisor' ? 'manager' : q.role;
    return this.allocation.allocation({ role, season: q.season, from, to, region: q.region }, user);
  }
}
