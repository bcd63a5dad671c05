import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { DomainError } from '@frontline/decider';
import { WrongExpectedRevisionError } from '@frontline/event-store';
import { SCIM_CONTENT_TYPE, ScimError, scimmy } from './scimmy';

const UNIQUE = new Set(['identity-taken', 'person-already-enrolled', 'team-already-exists']);
const DOMAIN_STATUS: Record<DomainError['kind'], number> = {
  conflict: 409,
  not_found: 404,
  forbidden: 403,
  invalid: 400,
};

/** On /scim/v2 every error is a SCIM error body (RFC 7644, section 3.12), mapped here from the api's own errors. */
@Catch()
export class ScimErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ScimErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const { status, scimType, detail } = this.toScim(exception);
    void host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(status)
      .type(SCIM_CONTENT_TYPE)
      .send(bodyOf(status, scimType, detail));
  }

  private toScim(exception: unknown): { status: number; scimType?: string; detail: string } {
    const SCIMMY = scimmy();
    if (exception instanceof ScimError || exception instanceof SCIMMY.Types.Error) {
      const { status, scimType, message } = exception as ScimError;
      return { status: Number(status), ...(scimType ? { scimType } : {}), detail: message };
    }
    // SCIMMY's schemas say what is wrong with a resource by throwing a TypeError.
    if (exception instanceof TypeError) return { status: 400, scimType: 'invalidValue', detail: exception.message };
    if (exception instanceof DomainError) {
      const status = DOMAIN_STATUS[exception.kind];
      const scimType = UNIQUE.has(exception.code) ? 'uniqueness' : status === 400 ? 'invalidValue' : undefined;
      return { status, ...(scimType ? { scimType } : {}), detail: exception.message };
    }
    if (exception instanceof WrongExpectedRevisionError)
      return { status: 409, detail: 'Someone else changed this at the same moment; try again' };
    if (exception instanceof ThrottlerException) return { status: 429, detail: 'Too many requests; slow down' };
    if (exception instanceof HttpException) return { status: exception.getStatus(), detail: exception.message };
    // Fastify's own errors (body too large, malformed JSON) carry a 4xx statusCode.
    const statusCode = (exception as { statusCode?: number }).statusCode;
    if (statusCode && statusCode >= 400 && statusCode < 500)
      return { status: statusCode, scimType: 'invalidSyntax', detail: (exception as Error).message };
    this.logger.error(exception);
    return { status: 500, detail: 'Something went wrong on our side' };
  }
}

/** SCIMMY writes the body; for what it does not know (413, 429, tooMany) the same shape is written here. */
function bodyOf(status: number, scimType: string | undefined, detail: string): object {
  const SCIMMY = scimmy();
  try {
    // An Error itself, which Fastify would treat as one: its fields are sent.
    const {
      schemas,
      status: said,
      scimType: type,
      detail: told,
    } = new SCIMMY.Messages.ErrorResponse(
      new SCIMMY.Types.Error(status, scimType ?? (null as unknown as string), detail),
    );
    return { schemas, status: said, ...(type ? { scimType: type } : {}), detail: told };
  } catch {
    return {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: String(status),
      ...(scimType ? { scimType } : {}),
      detail,
    };
  }
}
