import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Observable, from, of, switchMap, tap, catchError, throwError } from 'rxjs';
import type { Actor } from '../auth/actor';
import { type IdempotencyRecord, IdempotencyRecords } from './idempotency-records';
import { InvalidRequestException } from './problem-details.filter';

const ANSWER_CARRIES_SECRET = 'frontline:answer-carries-secret';

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
  constructor(private readonly records: IdempotencyRecords) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new InvalidRequestException([
        { field: 'Idempotency-Key', messages: ['must be 1 to 255 visible ASCII characters'] },
      ]);
    }
    const personId = request.actor?.personId;
    const slot = this.records.slot(personId, key);
    const fingerprint = this.records.fingerprint(request.method, request.url, request.body);
    const status = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    const keepsAnswer = !Reflect.getMetadata(ANSWER_CARRIES_SECRET, context.getHandler());

    return from(this.claim(personId, slot, fingerprint)).pipe(
      switchMap((earlier) => {
        if (earlier && 'body' in earlier) {
          void context.switchToHttp().getResponse<FastifyReply>().status(earlier.status!);
          return of(earlier.body);
        }
        return next.handle().pipe(
          // Not awaited, and a failure only means a retry runs the command again: its event ids,
          // derived from the key, make the store append nothing the second time.
          tap((body) => {
            this.records
              .remember(slot, keepsAnswer ? { fingerprint, status, body } : { fingerprint, status })
              .catch(() => undefined);
          }),
          catchError((error) =>
            // A retry of an answer not kept must not lose the record of the first, which succeeded.
            earlier
              ? throwError(() => error)
              : from(this.records.release(slot)).pipe(switchMap(() => throwError(() => error))),
          ),
        );
      }),
    );
  }

  /** Undefined when this request is the first with its key; the first one's record when it is a retry. */
  private async claim(personId: string | undefined, slot: string, fingerprint: string) {
    const earlier: IdempotencyRecord | undefined = await this.records.claim(personId, slot, fingerprint);
    if (earlier === undefined) return undefined;
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

/**
 * On a route whose answer carries a secret or a token: the answer is never remembered. The record
 * keeps only the request's MAC, and a retry runs the command again, which the event ids derived
 * from the key turn into the first answer (a webhook's secret is read back from its encrypted event).
 */
export const AnswerCarriesSecret = () => SetMetadata(ANSWER_CARRIES_SECRET, true);
