import { Body, Controller, Get, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles } from '../../auth/auth.decorators';
import type { AuthUser } from '../../auth/auth.types';
import { ApiOk, ApiProblems, ZodBody, ZodQuery, pageSchema } from '../../common/openapi';
import { limitSchema } from '../../common/pagination';
import { parseInput } from '../../common/validate';
import { CatalogService } from './catalog.service';

const code = z.string().min(1).max(60).regex(/^[A-Za-z0-9_.:-]+$/, 'codes use letters, digits and _ . : -');
const skuBody = z.strictObject({
  id: code, name: z.string().min(1).max(200), category: z.string().max(100).optional(), price: z.number().min(0).describe('per case, CNY'),
  caseSize: z.number().int().positive().describe('units per case'),
  seasonality: z.array(z.number().min(0).max(10)).length(12).nullable().optional().describe('12 monthly indices, 1 = an average month'),
  active: z.boolean().optional(),
});
const skuPatch = skuBody.omit({ id: true }).partial();
const stockBody = z.strictObject({ onHand: z.number().int().min(0).describe('cases on hand at head office') });
const outletQuery = z.strictObject({
  regionId: z.string().max(60).optional(), distributorId: z.string().max(100).optional(), kind: z.enum(['ka', 'traditional']).optional(),
  uncovered: z.enum(['true', 'false']).optional().describe('only outlets no distributor serves'), cursor: z.string().max(500).optional(), limit: limitSchema,
});
const outletBody = z.strictObject({
  id: code, name: z.string().min(1).max(200), kind: z.enum(['ka', 'traditional']), chain: z.string().max(100).nullable().optional(),
  distributorId: z.string().max(100).nullable().default(null), regionId: z.string().max(60), city: z.string().max(100).optional(),
  listedSkus: z.array(code).max(500).optional(),
}).refine((o) => o.kind !== 'ka' || !!o.chain, { message: 'KA outlets name their chain', path: ['chain'] });

/** Master data: regions, SKUs, head-office stock, outlets. */
@ApiTags('master data')
@ApiBearerAuth()
@ApiProblems(400, 401, 403)
@Controller()
export class MasterDataController {
  constructor(@Inject(CatalogService) private readonly catalog: CatalogService) {}

  @Get('regions')
  @ApiOk(200, 'all sales regions', pageSchema())
  regions() {
    return this.catalog.regions();
  }

  @Get('skus')
  @ApiOk(200, 'active SKUs (all with ?all=true)', pageSchema())
  skus(@Query('all') all?: string) {
    return this.catalog.skus(all === 'true');
  }

  @Roles('admin')
  @Post('skus')
  @ZodBody(skuBody)
  @ApiProblems(409)
  createSku(@Body() body: unknown) {
    return this.catalog.createSku(parseInput(skuBody, body));
  }

  @Roles('admin')
  @Put('skus/:id')
  @ZodBody(skuPatch)
  @ApiProblems(404)
  updateSku(@Param('id') id: string, @Body() body: unknown) {
    return this.catalog.updateSku(id, parseInput(skuPatch, body));
  }

  /** HQ stock per SKU: on hand, reserved for plans, available, open backorders, in production. */
  @Get('hq-stock')
  @ApiOk(200, 'head-office stock per active SKU', pageSchema())
  hqStock() {
    return this.catalog.hqStock();
  }

  @Roles('admin')
  @Put('hq-stock/:sku')
  @ZodBody(stockBody)
  @ApiProblems(404, 409)
  setStock(@Param('sku') sku: string, @Body() body: unknown) {
    return this.catalog.setStock(sku, parseInput(stockBody, body).onHand);
  }

  @Get('outlets')
  @ZodQuery(outletQuery)
  @ApiOk(200, 'outlets of the caller\'s region (admins: all)', pageSchema())
  outlets(@Query() query: unknown, @CurrentUser() user: AuthUser) {
    const q = parseInput(outletQuery, query, 'query');
    return this.catalog.outlets({ ...q, uncovered: q.uncovered === 'true' }, user);
  }

  @Roles('admin', 'supervisor')
  @Post('outlets')
  @ZodBody(outletBody)
  @ApiProblems(404, 409)
  createOutlet(@Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.catalog.createOutlet(parseInput(outletBody, body), user);
  }
}
