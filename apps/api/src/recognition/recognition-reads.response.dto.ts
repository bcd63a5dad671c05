import { ApiProperty } from '@nestjs/swagger';
import { NamedPerson } from './recognition.response.dto';

export class RecognitionGapsResponse {
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty({ type: 'integer' }) days: number;
  @ApiProperty({ type: [NamedPerson], description: 'Members not recognised for `days` days, by name' })
  items: NamedPerson[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
