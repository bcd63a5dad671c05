import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiResponse } from '@nestjs/swagger';

const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

/** What every live stream answers: the events, or a problem before the stream starts. */
export const STREAM_RESPONSES = applyDecorators(
  ApiOkResponse({
    description:
      'Server-Sent Events: `event: kudos` with the kudos as the feeds show it, `id` to resume from, a comment as heartbeat',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  }),
  ApiResponse({ status: 400, description: 'A Last-Event-ID this stream did not give out', content: problem }),
  ApiResponse({ status: 429, description: 'Too many streams open at once for one person or token', content: problem }),
);
