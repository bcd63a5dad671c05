import {
  Body,
  Controller,
  Delete,
  Headers,
  HttpCode,
  type MessageEvent,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Sse,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { AnswerCarriesSecret, Idempotent, Public, Roles } from '@frontline/platform';
import { RecognitionLive, liveTopic } from '@frontline/recognition';
import { STREAM_RESPONSES } from './live.openapi';
import { LiveHub } from './live-hub';
import { WallAccess } from './wall-access';
import { type Wall, WallTokens } from './wall-tokens';
import { CreateWallTokenRequest, WallStreamRequest, WallTokenResponse } from './walls.request.dto';

/** Public kudos, live, for a screen on the contact-centre floor: names, values and message, never a count or a ranking. */
@ApiTags('live')
@Controller('v1/walls')
export class WallsController {
  constructor(
    private readonly hub: LiveHub,
    private readonly kudos: RecognitionLive,
    private readonly access: WallAccess,
    private readonly tokens: WallTokens,
  ) {}

  // The wall checks its own token or a bearer token (WallAccess): the api-wide guard knows only the bearer.
  @Public()
  @ApiBearerAuth()
  @Sse('org/stream')
  @ApiOperation({ summary: "Follow the organisation's kudos wall (Server-Sent Events)" })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event' })
  @STREAM_RESPONSES
  async org(@Query() query: WallStreamRequest, @Headers() headers: Record<string, string | undefined>) {
    return this.stream({ of: 'org' }, query, headers);
  }

  @Public()
  @ApiBearerAuth()
  @Sse('campaigns/:id/stream')
  @ApiOperation({ summary: "Follow a campaign's kudos wall (Server-Sent Events)" })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event' })
  @STREAM_RESPONSES
  @ApiNotFoundResponse({ description: 'No such campaign' })
  async campaign(
    @Param('id', ParseUUIDPipe) campaignId: string,
    @Query() query: WallStreamRequest,
    @Headers() headers: Record<string, string | undefined>,
  ) {
    return this.stream({ of: 'campaign', campaignId }, query, headers);
  }

  @Post('tokens')
  @Roles('hr', 'admin')
  @Idempotent()
  @AnswerCarriesSecret()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a read-only token that opens one wall, for a screen' })
  @ApiCreatedResponse({
    type: WallTokenResponse,
    description: '`{tokenId, token, expiresAt, streamUrl}`: the token is shown this once',
  })
  @ApiNotFoundResponse({ description: 'No such campaign' })
  async create(@Body() { wall: of, campaignId, expiresInHours }: CreateWallTokenRequest) {
    const wall: Wall = of === 'org' ? { of } : { of, campaignId: campaignId! };
    await this.access.mustExist(wall);
    const issued = await this.tokens.issue(wall, expiresInHours);
    const path = wall.of === 'org' ? 'org' : `campaigns/${wall.campaignId}`;
    return { ...issued, streamUrl: `/v1/walls/${path}/stream?token=${issued.token}` };
  }

  @Delete('tokens/:tokenId')
  @HttpCode(204)
  @Roles('hr', 'admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke a wall token: its screens stop at their next heartbeat' })
  // Idempotent: once answered, the token opens nothing, whether it existed, had expired or was revoked before.
  @ApiNoContentResponse({ description: 'The token opens nothing any more' })
  async revoke(@Param('tokenId', ParseUUIDPipe) tokenId: string): Promise<void> {
    await this.tokens.revoke(tokenId);
  }

  private async stream(
    wall: Wall,
    { token, lastEventId }: WallStreamRequest,
    headers: Record<string, string | undefined>,
  ): Promise<Observable<MessageEvent>> {
    const watcher = await this.access.admit(wall, token, headers.authorization);
    const topic = liveTopic(wall.of === 'org' ? wall : { of: 'campaign', campaignId: wall.campaignId });
    return this.hub.open({
      ...watcher,
      follows: [{ source: this.kudos, topics: [topic] }],
      lastEventId: headers['last-event-id'] ?? lastEventId,
    });
  }
}
