import { Module } from '@nestjs/common';
import { StuckModule } from '../stuck/stuck.module';
import { IncidentsService } from './incidents.service';
import { SupervisionController } from './supervision.controller';

/** Supervisors' desk: stuck orders and incident decisions. */
@Module({ imports: [StuckModule], controllers: [SupervisionController], providers: [IncidentsService] })
export class SupervisionModule {}
