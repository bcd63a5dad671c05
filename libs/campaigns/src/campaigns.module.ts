import { Module } from '@nestjs/common';
import { CancelCampaignHandler } from './application/cancel-campaign.handler';
import { PlanCampaignHandler } from './application/plan-campaign.handler';
import { GetCampaignHandler } from './queries/get-campaign.handler';
import { ListCampaignsHandler } from './queries/list-campaigns.handler';

/** The api side of campaigns; the worker runs the steps with CampaignStepRunner. */
@Module({ providers: [PlanCampaignHandler, CancelCampaignHandler, GetCampaignHandler, ListCampaignsHandler] })
export class CampaignsModule {}
