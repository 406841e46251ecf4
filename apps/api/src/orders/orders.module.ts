import { Module } from '@nestjs/common';
import { TemplatesModule } from '../templates/templates.module';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

@Module({ imports: [TemplatesModule], controllers: [OrdersController], providers: [OrdersService], exports: [OrdersService] })
export class OrdersModule {}
