/** The entities of the order value chain (distributors … expansion plans), registered in ENTITIES. */
import { DemandPlanEntity, DemandPlanLineEntity } from './demand-plan.entity';
import { DistributorEntity } from './distributor.entity';
import { ExpansionPlanEntity } from './expansion-plan.entity';
import { KaAgreementEntity } from './ka-agreement.entity';
import { OutletEntity } from './outlet.entity';
import { PaymentEntity } from './payment.entity';
import { RegionEntity } from './region.entity';
import { SellThroughAnalysisEntity, SellThroughReportEntity } from './sell-through.entity';
import { ShelfAuditEntity } from './shelf-audit.entity';
import { ShipmentEntity, ShipmentLineEntity } from './shipment.entity';
import { HqStockEntity, SkuEntity } from './sku.entity';
import { BackorderEntity, ProductionRequestEntity, StockReservationEntity } from './stock-allocation.entity';

export {
  BackorderEntity, DemandPlanEntity, DemandPlanLineEntity, DistributorEntity, ExpansionPlanEntity, HqStockEntity,
  KaAgreementEntity, OutletEntity, PaymentEntity, ProductionRequestEntity, RegionEntity, SellThroughAnalysisEntity,
  SellThroughReportEntity, ShelfAuditEntity, ShipmentEntity, ShipmentLineEntity, SkuEntity, StockReservationEntity,
};

export const DOMAIN_ENTITIES = [
  RegionEntity, DistributorEntity, OutletEntity, SkuEntity, HqStockEntity, KaAgreementEntity, DemandPlanEntity,
  DemandPlanLineEntity, PaymentEntity, StockReservationEntity, BackorderEntity, ProductionRequestEntity, ShipmentEntity,
  ShipmentLineEntity, SellThroughReportEntity, SellThroughAnalysisEntity, ShelfAuditEntity, ExpansionPlanEntity,
];
