import type { ListedWebhook } from '@frontline/notifications';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';

export class RegisterWebhookRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Chosen by the caller, or made up by the server' })
  @IsOptional()
  @IsUUID()
  webhookId?: string;

  @ApiProperty({
    example: 'https://hooks.slack.com/services/T000/B000/XXXX',
    description: 'http(s); loopback, private and link-local targets are refused, also after DNS resolution',
  })
  @IsString()
  @Length(1, 2048)
  url!: string;

  @ApiProperty({ example: ['AnnouncementPublished', 'CareAlertRaised'], isArray: true, type: String })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(/^[A-Za-z][\w.-]{0,99}$/, { each: true, message: 'each event type is a name like AnnouncementPublished' })
  eventTypes!: string[];
}

export class WebhookSecretResponse {
  @ApiProperty({ format: 'uuid' })
  webhookId!: string;

  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'Shown this once, never again' })
  secret!: string;
}

export class ListedWebhookResponse implements ListedWebhook {
  @ApiProperty({ format: 'uuid' }) webhookId!: string;
  @ApiProperty({
    example: 'https://hooks.slack.com',
    description: "Scheme, host and port only: a webhook's path may carry a token",
  })
  target!: string;
  @ApiProperty({ type: [String] }) eventTypes!: string[];
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: 'active' | 'disabled';
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}

export class WebhooksResponse {
  @ApiProperty({ type: [ListedWebhookResponse], description: 'Never a secret' }) items!: ListedWebhookResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Give it back as `cursor` for the next page' })
  nextCursor!: string | null;
}
