import { Module } from '@nestjs/common';
import { StuckService } from './stuck.service';

/** The stuck-order read model, shared by supervision and the order list/detail. */
@Module({ providers: [StuckService], exports: [StuckService] })
export class StuckModule {}
