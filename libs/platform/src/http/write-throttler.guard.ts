import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Actor } from '../auth/actor';

/** Counts writes per person (per address before sign-in). */
@Injectable()
export class PersonalWriteThrottler extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return (request.actor as Actor | undefined)?.personId ?? String(request.ip);
  }
}

/**
 * Rate-limits writes; reads are bounded by page size instead. Reads pass synchronously: the
 * throttler's own checks take several promises, which every GET would otherwise wait on.
 */
@Injectable()
export class WriteThrottlerGuard implements CanActivate {
  constructor(private readonly throttler: PersonalWriteThrottler) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const { method } = context.switchToHttp().getRequest<{ method: string }>();
    return method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || this.throttler.canActivate(context);
  }
}
