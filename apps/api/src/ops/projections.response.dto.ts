import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { GenerationStatus } from '@frontline/read-models';

export class GenerationStatusResponse implements GenerationStatus {
  @ApiProperty() version!: string;
  @ApiProperty({ example: 'live', description: 'starting, catching_up, live or failed' }) state!: string;
  @ApiProperty({ nullable: true, type: String }) checkpoint!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Events not applied yet, up to a cap' })
  lagEvents!: number | null;
  @ApiProperty() lagEventsCapped!: boolean;
  @ApiProperty({ description: 'How long the oldest event not applied has waited' }) lagMs!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastEventRecordedAt!: string | null;
  @ApiPropertyOptional() error?: string;
}

export class ProjectionStatusResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ type: GenerationStatusResponse }) serving!: GenerationStatusResponse;
  @ApiPropertyOptional({ type: GenerationStatusResponse, description: 'The next version, while a rebuild runs' })
  rebuilding?: GenerationStatusResponse;
}

export class ProjectionsResponse {
  @ApiProperty({ type: [ProjectionStatusResponse] }) projections!: ProjectionStatusResponse[];
}

export class RebuildResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The version being built' }) rebuilding!: string;
}
