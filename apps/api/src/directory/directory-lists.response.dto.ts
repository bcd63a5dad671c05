import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ImportOutcome, MemberListing, TeamListing } from '@frontline/directory';
import { ROLES, type Role } from '@frontline/platform';

export class TeamListingResponse implements TeamListing {
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) parentTeamId!: string | null;
}

export class TeamsResponse {
  @ApiProperty({ type: [TeamListingResponse] }) items!: TeamListingResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Give it back as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class MemberListingResponse implements MemberListing {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ description: 'As the directory has it; `[erased]` once erased' }) displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
}

export class TeamMembersResponse {
  @ApiProperty({ type: [MemberListingResponse] }) items!: MemberListingResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Give it back as `cursor` for the next page' })
  nextCursor!: string | null;
}

class ImportedTeamsResponse {
  @ApiProperty() created!: number;
  @ApiProperty() existing!: number;
}

class ImportedPeopleResponse {
  @ApiProperty() enrolled!: number;
  @ApiProperty() updated!: number;
}

/** What an import did, or in a dry run would do; refused rows come as a 400 problem, by line and column. */
export class ImportOutcomeResponse implements ImportOutcome {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ type: ImportedTeamsResponse }) teams!: ImportedTeamsResponse;
  @ApiProperty({ type: ImportedPeopleResponse }) people!: ImportedPeopleResponse;
}
