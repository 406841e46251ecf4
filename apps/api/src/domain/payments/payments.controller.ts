import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles } from '../../auth/auth.decorators';
import type { AuthUser } from '../../auth/auth.types';
import { Idempotent } from '../../common/idempotency.interceptor';
import { ApiOk, ApiProblems, ZodBody, ZodQuery, pageSchema } from '../../common/openapi';
import { limitSchema } from '../../common/pagination';
import { parseInput } from '../../common/validate';
import { PaymentsService } from './payments.service';

const noticeBody = z.strictObject({
  orderId: z.string().max(100).optional().describe('the order paid for; or give the plan\'s payment reference'),
  reference: z.string().max(200).optional().describe('the payment reference of a published demand plan'),
  distributorId: z.string().min(1).max(100),
  amount: z.number().positive().describe('CNY'),
  paidAt: z.iso.datetime({ offset: true }),
  noticeId: z.string().max(200).optional().describe('the sender\'s id of this notice: a repeat is recognised and not stored twice'),
});
const listQuery = z.strictObject({
  status: z.enum(['matched', 'unmatched']).optional(), distributorId: z.string().max(100).optional(), orderId: z.string().max(100).optional(),
  cursor: z.string().max(500).optional(), limit: limitSchema,
});
const matchBody = z.strictObject({ orderId: z.string().min(1).max(100) });

const PAYMENT = { type: 'object', properties: {
  id: { type: 'string' }, status: { type: 'string', enum: ['matched', 'unmatched'] }, unmatchedReason: { type: 'string', nullable: true },
  orderId: { type: 'string', nullable: true }, planId: { type: 'string', nullable: true }, amount: { type: 'number' }, duplicate: { type: 'boolean' },
  plan: { type: 'object', nullable: true, properties: { amountDue: { type: 'number' }, amountPaid: { type: 'number' }, outstanding: { type: 'number' }, status: { type: 'string' } } },
  signalled: { type: 'boolean', description: 'the waiting order got paymentReceived (the plan became paid by this notice)' },
} };

/** Payment notices from finance/ERP, correlated to the order waiting for payment. */
@ApiTags('payments')
@ApiBearerAuth()
@ApiProblems(400, 401, 403)
@Roles('admin', 'supervisor')
@Controller('payments')
export class PaymentsController {
  constructor(@Inject(PaymentsService) private readonly payments: PaymentsService) {}

  /** Stores the notice (unmatched when no order/plan fits — never dropped); signals the order when its plan is paid in full. */
  @Post()
  @HttpCode(201)
  @Idempotent()
  @ZodBody(noticeBody)
  @ApiOk(201, 'the stored notice, matched or unmatched', PAYMENT)
  @ApiProblems(422)
  record(@Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.payments.record(parseInput(noticeBody, body), user);
  }

  @Get()
  @ZodQuery(listQuery)
  @ApiOk(200, 'newest first; ?status=unmatched lists what finance must look at', pageSchema(PAYMENT))
  list(@Query() query: unknown, @CurrentUser() user: AuthUser) {
    return this.payments.list(parseInput(listQuery, query, 'query'), user);
  }

  @Get(':id')
  @ApiProblems(404)
  get(@Param('id') id: string) {
    return this.payments.get(id);
  }

  /** Matches an unmatched notice to an order by hand. */
  @Post(':id/match')
  @HttpCode(200)
  @ZodBody(matchBody)
  @ApiProblems(404, 422)
  match(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.payments.match(id, parseInput(matchBody, body).orderId, user);
  }
}
