import { Global, Module } from '@nestjs/common';
import { Sql } from './sql';

/** Makes {@link Sql} injectable everywhere (it needs TypeORM's data source, from TypeOrmModule.forRoot). */
@Global()
@Module({ providers: [Sql], exports: [Sql] })
export class SqlModule {}
