import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '../config';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/** Closes the Temporal connection on shutdown. */
@Injectable()
class TemporalLifecycle implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}
  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close().catch(() => undefined);
  }
}

/** The Temporal client, as a provider tests can override. The connection is lazy so the API
 *  starts (and reports `temporal: down` on /health) while Temporal is unreachable. */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (cfg: AppConfig) =>
        new Client({ connection: Connection.lazy({ address: cfg.temporalAddress }), namespace: cfg.temporalNamespace }),
    },
    TemporalLifecycle,
  ],
  exports: [TEMPORAL_CLIENT],
})
export class TemporalModule {}
