import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators';
import type { AuthUser } from '../../auth/auth.types';
import { Idempotent } from '../../common/idempotency.interceptor';
import { ApiOk, ApiProblems } from '../../common/openapi';
import { mediaType } from '../../http/body-parsers';
import { SellThroughService } from './sell-through.service';

const ROW = { type: 'object', required: ['sku', 'period', 'openingStock', 'sellIn', 'sellThrough', 'closingStock'], properties: {
  sku: { type: 'string' }, period: { type: 'string', example: '2026-03' }, openingStock: { type: 'integer', minimum: 0 },
  sellIn: { type: 'integer', minimum: 0 }, sellThrough: { type: 'integer', minimum: 0 }, closingStock: { type: 'integer', minimum: 0 },
} };

@ApiTags('orders')
@ApiBearerAuth()
@ApiProblems(400, 401, 403, 404)
@Controller('orders')
export class SellThroughController {
  constructor(@Inject(SellThroughService) private readonly sellThrough: SellThroughService) {}

  /**
   * The distributor's sell-in / sell-through / stock report (进销存) for the order, per SKU and
   * month, in cases. All rows are stored or none: any error (wrong columns, negative or
   * fractional quantities, unknown SKU, a month already reported) refuses the whole report with
   * 422 and errors[] naming row and column (CSV rows are file lines, the header being line 1).
   */
  @Roles('admin', 'supervisor', 'rep')
  @Post(':id/sell-through')
  @HttpCode(201)
  @Idempotent()
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody({ description: 'text/csv with header sku,period,opening_stock,sell_in,sell_through,closing_stock — or JSON rows',
    schema: { oneOf: [{ type: 'string' }, { type: 'array', items: ROW }, { type: 'object', properties: { rows: { type: 'array', items: ROW } } }] } as never })
  @ApiOk(201, 'stored: { batchId, stored, periods, latestPeriod, skus, signalled }')
  @ApiProblems(422)
  upload(@Param('id') id: string, @Body() body: unknown, @Headers('content-type') contentType: string | undefined, @CurrentUser() user: AuthUser) {
    const type = mediaType(contentType);
    return this.sellThrough.upload(id, body, type === 'text/csv' || type === 'text/plain', user);
  }
}
