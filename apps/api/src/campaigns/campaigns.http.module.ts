import { Module } from '@nestjs/common';
import { CampaignsModule } from '@frontline/campaigns';
import { CampaignsController } from './campaigns.http.controller';

@Module({ imports: [CampaignsModule], controllers: [CampaignsController] })
export class CampaignsHttpModule {}
