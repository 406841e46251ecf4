import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { Sql } from '../db/sql';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

type Check = 'ok' | 'down';

async function probe(fn: () => Promise<unknown>, ms = 2000): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('timeout')), ms); });
  try {
    await Promise.race([fn(), timeout]);
    return 'ok';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(Sql) private readonly sql: Sql,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /** `{ status, db, temporal }`; 503 when a dependency is down. */
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: FastifyReply) {
    const [db, temporal] = await Promise.all([
      probe(() => this.sql.query('SELECT 1')),
      probe(() => this.temporal.connection.workflowService.getSystemInfo({})),
    ]);
    const status = db === 'ok' && temporal === 'ok' ? 'ok' : 'degraded';
    if (status !== 'ok') res.status(503);
    return { status, db, temporal };
  }
}
