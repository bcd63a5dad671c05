import { ApiProperty } from '@nestjs/swagger';
import { KUDOS_VALUES, type KudosValue, VISIBILITIES, type Visibility } from '@frontline/recognition';

// What the recognition reads answer, described for the OpenAPI document (and so typed in the browser app).

export class NamedPerson {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ description: '`[erased]` once erased' }) displayName: string;
}

export class KudosItemResponse {
  @ApiProperty({ format: 'uuid' }) kudosId: string;
  @ApiProperty({ type: NamedPerson }) from: NamedPerson;
  @ApiProperty({ type: [NamedPerson] }) to: NamedPerson[];
  @ApiProperty() message: string;
  @ApiProperty({ enum: KUDOS_VALUES, isArray: true }) values: KudosValue[];
  @ApiProperty({ enum: VISIBILITIES }) visibility: Visibility;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'How many reacted with each emoji',
  })
  reactions: Record<string, number>;
}

export class FeedResponse {
  @ApiProperty({ type: [KudosItemResponse] }) items: KudosItemResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class KudosSentResponse {
  @ApiProperty({ format: 'uuid' }) kudosId: string;
}

export class MyRecognitionResponse {
  @ApiProperty({ description: 'Kudos received, all time' }) received: number;
  @ApiProperty({ description: 'Kudos sent, all time' }) sent: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Times each value was named' })
  valuesReceived: Record<string, number>;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastRecognisedAt: string | null;
  @ApiProperty({ type: [KudosItemResponse] }) recentlyReceived: KudosItemResponse[];
}
