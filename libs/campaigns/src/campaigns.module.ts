import { Module } from '@nestjs/common';
import { CancelCampaignHandler } from './application/cancel-campaign.handler';
import { PlanCampaignHandler } from './application/plan-campaign.handler';
import { CampaignQuery } from './queries/campaign.query';

/** The api side of campaigns; the worker runs the steps with CampaignStepRunner. */
@Module({ providers: [PlanCampaignHandler, CancelCampaignHandler, CampaignQuery], exports: [CampaignQuery] })
export class CampaignsModule {}
