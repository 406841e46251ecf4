import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config';
import { fetchApi, poll } from './demo-api';
import { seedDemoOrders } from './seed-orders';

/**
 * Starts the demo orders (seed-orders.ts) in demo mode, in the background once this API answers
 * on its port — i.e. after listen() — and only when there are no orders at all. Off under Jest
 * (NODE_ENV=test) and with ORDERPATH_DEMO_ORDERS=false. The worker may start later than the API:
 * each scenario waits for its tasks (up to 4 minutes).
 */
@Injectable()
export class DemoOrdersService implements OnApplicationBootstrap {
  private readonly log = new Logger('DemoOrders');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.demo || process.env.NODE_ENV === 'test' || process.env.ORDERPATH_DEMO_ORDERS === 'false') return;
    void this.run().catch((err) => this.log.warn(`demo orders not seeded: ${(err as Error).message}`));
  }

  private async run(): Promise<void> {
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM orders`);
    if (n > 0) return;
    const api = fetchApi(`http://127.0.0.1:${this.config.port}/api`);
    await poll('the API to answer', async () => (await api('GET', '/health', null).catch(() => ({ status: 0 }))).status === 200, 180_000, 1000);
    this.log.log('seeding demo orders through the API');
    const seeded = await seedDemoOrders(api, { password: this.config.demoPassword, stuckAfter: process.env.ORDERPATH_DEMO_STUCK_AFTER, log: (m) => this.log.log(m) });
    this.log.log(`demo orders: ${seeded.orders.filter((o) => o.reached).length}/${seeded.orders.length} at their step, ${seeded.stuck.length} follow-ups that get stuck`);
  }
}
