import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Actor } from '../auth/actor';

/** Rate-limits writes per person (per address before sign-in); reads are bounded by page size instead. */
@Injectable()
export class WriteThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    const { method } = context.switchToHttp().getRequest<{ method: string }>();
    return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return (request.actor as Actor | undefined)?.personId ?? String(request.ip);
  }
}
