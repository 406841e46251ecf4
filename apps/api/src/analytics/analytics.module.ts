import { Module } from '@nestjs/common';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsService } from './analytics.service';
import { TimeAllocationService } from './time-allocation.service';

@Module({ controllers: [AnalyticsController], providers: [AnalyticsService, TimeAllocationService] })
export class AnalyticsModule {}
