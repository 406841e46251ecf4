import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { DemoOrdersService } from '../seed/demo-orders.service';
import { CatalogService } from './master-data/catalog.service';
import { DistributorsController } from './master-data/distributors.controller';
import { DistributorsService } from './master-data/distributors.service';
import { MasterDataController } from './master-data/master-data.controller';
import { PaymentsController } from './payments/payments.controller';
import { PaymentsService } from './payments/payments.service';
import { SellThroughController } from './sell-through/sell-through.controller';
import { SellThroughService } from './sell-through/sell-through.service';

/** The order value chain's data over HTTP: master data, HQ stock, payments, sell-through reports. */
@Module({
  imports: [OrdersModule],
  controllers: [MasterDataController, DistributorsController, PaymentsController, SellThroughController],
  // DemoOrdersService only acts in demo mode, after start (see there).
  providers: [CatalogService, DistributorsService, PaymentsService, SellThroughService, DemoOrdersService],
})
export class DomainModule {}
