import { Controller, Headers, Inject, type MessageEvent, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { type Actor, CurrentActor } from '@frontline/platform';
import { LIVE_SOURCES, type LiveSource } from '@frontline/read-models';
import { STREAM_RESPONSES } from './live.openapi';
import { LiveHub } from './live-hub';
import { MeStreamRequest } from './walls.request.dto';

/** A person's own live stream: new kudos of the feeds they may see (and, once registered, their inbox). Self only. */
@ApiTags('live')
@ApiBearerAuth()
@Controller('v1/me/stream')
export class MeStreamController {
  constructor(
    private readonly hub: LiveHub,
    @Inject(LIVE_SOURCES) private readonly sources: LiveSource[],
  ) {}

  @Sse()
  @ApiOperation({ summary: 'Follow your own feeds live (Server-Sent Events)' })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event' })
  @STREAM_RESPONSES
  stream(
    @Query() query: MeStreamRequest,
    @CurrentActor() actor: Actor,
    @Headers('last-event-id') lastEventId?: string,
  ): Observable<MessageEvent> {
    const viewer = { personId: actor.personId, teamId: actor.teamId };
    return this.hub.open({
      viewer,
      holder: actor.personId,
      follows: this.sources.map((source) => ({ source, topics: source.topics(viewer) })),
      lastEventId: lastEventId ?? query.lastEventId,
    });
  }
}
