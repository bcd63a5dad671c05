import { createHash } from 'node:crypto';
import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { type Observable, from, of, switchMap, tap, catchError, throwError } from 'rxjs';
import type { Actor } from '../auth/actor';
import { READ_MODEL_REDIS } from '../redis/redis.module';
import { InvalidRequestException } from './problem-details.filter';

const REMEMBER_SECONDS = 24 * 60 * 60;
const IN_FLIGHT_SECONDS = 60;

interface Remembered {
  fingerprint: string;
  status?: number;
  body?: unknown;
}

/**
 * A POST retried with the same Idempotency-Key gets the first answer back and runs nothing.
 * The event ids derived from the key are the second line: if this memory is lost, the
 * event store still recognises the retry.
 *
 * Bound with `@Idempotent()` to the controllers that take POSTs rather than to every route:
 * any interceptor puts a route's every request through an Observable pipeline.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(READ_MODEL_REDIS) private readonly redis: Redis) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new InvalidRequestException([
        { field: 'Idempotency-Key', messages: ['must be 1 to 255 visible ASCII characters'] },
      ]);
    }
    const slot = `idempotency:${sha256(`${request.actor?.personId ?? 'anonymous'}\u0000${key}`)}`;
    const fingerprint = sha256(`${request.method} ${request.url} ${JSON.stringify(request.body ?? null)}`);
    const status = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;

    return from(this.claim(slot, fingerprint)).pipe(
      switchMap((earlier) => {
        if (earlier) {
          void context.switchToHttp().getResponse<FastifyReply>().status(earlier.status!);
          return of(earlier.body);
        }
        return next.handle().pipe(
          // Not awaited, and a failure only means a retry runs the command again: its event ids,
          // derived from the key, make the store append nothing the second time.
          tap((body) => {
            this.redis
              .set(slot, JSON.stringify({ fingerprint, status, body }), 'EX', REMEMBER_SECONDS)
              .catch(() => undefined);
          }),
          catchError((error) => from(this.redis.del(slot)).pipe(switchMap(() => throwError(() => error)))),
        );
      }),
    );
  }

  /** Undefined when this request is the first with its key; the first answer when it is a retry. */
  private async claim(slot: string, fingerprint: string): Promise<Remembered | undefined> {
    const claimed = await this.redis.set(slot, JSON.stringify({ fingerprint }), 'EX', IN_FLIGHT_SECONDS, 'NX');
    if (claimed) return undefined;
    const earlier = JSON.parse((await this.redis.get(slot)) ?? '{}') as Remembered;
    if (earlier.fingerprint !== fingerprint) {
      throw new HttpException('This Idempotency-Key was used for a different request', HttpStatus.UNPROCESSABLE_ENTITY);
    }
    if (earlier.status === undefined) {
      throw new HttpException('A request with this Idempotency-Key is still being processed', HttpStatus.CONFLICT);
    }
    return earlier;
  }
}

/** On a controller: its POSTs remember their answers by Idempotency-Key (api spec checks every POST has it). */
export const Idempotent = () => UseInterceptors(IdempotencyInterceptor);

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
