import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { INBOX_ITEM_ID } from '@frontline/inbox';

export class MarkInboxReadRequest {
  @ApiProperty({
    description: 'The id of an item of your inbox: it and every item before it count as read',
    example: 'pg:00000000000000000812-00000000000000004711.00',
    maxLength: 120,
  })
  @IsString()
  @Length(1, 120)
  @Matches(INBOX_ITEM_ID, { message: 'upTo must be the id of an inbox item, as GET /v1/me/inbox gives it' })
  upTo!: string;
}
