import { Module } from '@nestjs/common';
import { StuckModule } from '../stuck/stuck.module';
import { TemplatesModule } from '../templates/templates.module';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

@Module({ imports: [TemplatesModule, StuckModule], controllers: [OrdersController], providers: [OrdersService], exports: [OrdersService] })
export class OrdersModule {}
