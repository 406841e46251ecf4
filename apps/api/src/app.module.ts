import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProblemFilter } from './common/problem.filter';
import { dataSourceOptions } from '@orderpath/activities/db/data-source';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { APP_CONFIG, type AppConfig } from './config';
import { SqlModule } from './db/sql.module';
import { HealthModule } from './health/health.module';
import { OrdersModule } from './orders/orders.module';
import { TasksModule } from './tasks/tasks.module';
import { TemplatesModule } from './templates/templates.module';
import { TemporalModule } from './temporal/temporal.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { SupervisionModule } from './supervision/supervision.module';
import { UsersModule } from './users/users.module';
import { DomainModule } from './domain/domain.module';

@Global()
@Module({})
class ConfigModule {
  static of(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

/** The API: one module per business area, all behind the global auth guard. */
@Module({})
export class AppModule {
  static of(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.of(config),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        SqlModule,
        TemporalModule,
        AuditModule,
        AuthModule,
        HealthModule,
        TemplatesModule,
        OrdersModule,
        TasksModule,
        SupervisionModule,
        AnalyticsModule,
        UsersModule,
        DomainModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
