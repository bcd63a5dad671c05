import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@frontline/decider';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import { Idempotent, Roles } from '@frontline/platform';
import { ALL_PROJECTIONS } from '@frontline/projections';
import { ReadModels, projectionStatus, requestRebuild } from '@frontline/read-models';
import { ProjectionsResponse, RebuildResponse } from './projections.response.dto';

@ApiTags('ops')
@ApiBearerAuth()
@Roles('admin')
@Idempotent()
@Controller('v1/projections')
export class ProjectionsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  /** Checkpoint, lag and state of every projection, and of a rebuild in progress. */
  @Get()
  @ApiOperation({ summary: 'See where each read model has got to' })
  @ApiOkResponse({ type: ProjectionsResponse })
  async list() {
    return {
      projections: await Promise.all(
        ALL_PROJECTIONS.map((p) => projectionStatus(this.store, this.readModels.redis, p)),
      ),
    };
  }

  /** Builds the next version from the start of the log while the current one serves, then switches. */
  @Post(':name/rebuild')
  @ApiOperation({ summary: 'Rebuild a read model from the start of the log' })
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RebuildResponse })
  async rebuild(@Param('name') name: string) {
    if (!ALL_PROJECTIONS.some((projection) => projection.name === name))
      throw new NotFoundError(`No projection ${name}`);
    const keys = await requestRebuild(this.readModels.redis, name);
    return { name, rebuilding: keys.tag.slice(1, -1) };
  }
}
