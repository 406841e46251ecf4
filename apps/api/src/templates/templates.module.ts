import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';

@Module({ controllers: [TemplatesController, CatalogController], providers: [TemplatesService], exports: [TemplatesService] })
export class TemplatesModule {}
