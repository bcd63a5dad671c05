import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@frontline/decider';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '@frontline/event-store';
import { type FieldError, type Problem, problemType } from './problem';

/** Thrown by the validation pipe: a 400 that names each bad field. */
export class InvalidRequestException extends HttpException {
  constructor(readonly errors: FieldError[]) {
    super('The request has invalid fields', HttpStatus.BAD_REQUEST);
  }
}

const DOMAIN_STATUS: Record<DomainError['kind'], number> = {
  conflict: HttpStatus.CONFLICT,
  not_found: HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
  invalid: HttpStatus.BAD_REQUEST,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'body-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  503: 'unavailable',
};

/** Every error leaves the api as application/problem+json, mapped here and nowhere else. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const problem = { ...this.toProblem(exception), instance: request.url.split('?')[0] };
    void http.getResponse<FastifyReply>().status(problem.status).type('application/problem+json').send(problem);
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof InvalidRequestException) {
      return {
        type: problemType('invalid-request'),
        title: 'The request has invalid fields',
        status: 400,
        errors: exception.errors,
      };
    }
    if (exception instanceof DomainError) {
      return { type: problemType(exception.code), title: exception.message, status: DOMAIN_STATUS[exception.kind] };
    }
    if (exception instanceof WrongExpectedRevisionError) {
      const title = 'Someone else changed this at the same moment; try again';
      return { type: problemType('concurrent-change'), title, status: HttpStatus.CONFLICT };
    }
    if (exception instanceof EventStoreUnavailableError) {
      return { type: problemType('unavailable'), title: 'The event store is unavailable', status: 503 };
    }
    if (exception instanceof ThrottlerException) {
      return { type: problemType('too-many-requests'), title: 'Too many writes; slow down', status: 429 };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { type: problemType(CODE_BY_STATUS[status] ?? 'http-error'), title: exception.message, status };
    }
    // Fastify's own errors (body too large, malformed JSON, wrong content type) carry a 4xx statusCode.
    const statusCode = (exception as { statusCode?: number }).statusCode;
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      return {
        type: problemType(CODE_BY_STATUS[statusCode] ?? 'bad-request'),
        title: (exception as Error).message,
        status: statusCode,
      };
    }
    this.logger.error(exception);
    return { type: problemType('internal'), title: 'Something went wrong on our side', status: 500 };
  }
}
