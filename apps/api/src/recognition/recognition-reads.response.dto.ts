import { ApiProperty } from '@nestjs/swagger';
import { KUDOS_VALUES, VISIBILITIES } from '@frontline/recognition';

export class NamedPersonResponse {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ description: 'As the directory has it; `[erased]` once erased' }) displayName: string;
}

export class RecognitionGapsResponse {
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty({ type: 'integer' }) days: number;
  @ApiProperty({ type: [NamedPersonResponse], description: 'Members not recognised for `days` days, by name' })
  items: NamedPersonResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class FeedKudosResponse {
  @ApiProperty({ format: 'uuid' }) kudosId: string;
  @ApiProperty() message: string;
  @ApiProperty({ enum: KUDOS_VALUES, isArray: true }) values: string[];
  @ApiProperty({ enum: VISIBILITIES }) visibility: string;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'How many reacted with each emoji',
  })
  reactions: Record<string, number>;
  @ApiProperty({ type: NamedPersonResponse }) from: NamedPersonResponse;
  @ApiProperty({ type: [NamedPersonResponse] }) to: NamedPersonResponse[];
}

export class FeedResponse {
  @ApiProperty({ type: [FeedKudosResponse] }) items: FeedKudosResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
