import { UseFilters, UseGuards, applyDecorators } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Idempotent, Public } from '@frontline/platform';
import { ScimErrorFilter } from './scim-error.filter';
import { ScimTokenGuard } from './scim-token.guard';
import { SCIM_BASE, SCIM_CONTENT_TYPE, SCIM_MAX_RESULTS, ScimError, scimmy } from './scimmy';

/**
 * A SCIM endpoint: its own token instead of a person's, SCIM error bodies, no per-person write
 * limit (an identity provider provisions thousands at once), an Idempotency-Key honoured when
 * sent. SCIM describes itself at /Schemas, so it stays out of the OpenAPI document.
 */
export const ScimEndpoint = () =>
  applyDecorators(
    Public(),
    SkipThrottle(),
    UseGuards(ScimTokenGuard),
    UseFilters(ScimErrorFilter),
    Idempotent(),
    ApiExcludeController(),
  );

/** A User or Group as SCIMMY writes it out (schemas, meta.location), with its version as the ETag. */
export function answer(reply: FastifyReply, kind: 'User' | 'Group', resource: object): object {
  const SCIMMY = scimmy();
  const Schema = kind === 'User' ? SCIMMY.Schemas.User : SCIMMY.Schemas.Group;
  const out = new Schema(resource, 'out', `${SCIM_BASE}/${kind}s`) as {
    meta?: { version?: string; location?: string };
  };
  void reply.type(SCIM_CONTENT_TYPE);
  if (out.meta?.version) void reply.header('etag', out.meta.version);
  return out;
}

export function listOf(
  reply: FastifyReply,
  kind: 'User' | 'Group',
  list: { total: number; resources: object[] },
  startIndex: number,
) {
  const Resources = list.resources.map((resource) => answer(reply, kind, resource));
  void reply.type(SCIM_CONTENT_TYPE).removeHeader('etag');
  return {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
    totalResults: list.total,
    startIndex,
    itemsPerPage: Resources.length,
    Resources,
  };
}

/** `startIndex` from 1, `count` up to SCIM_MAX_RESULTS (RFC 7644, section 3.4.2.4). */
export function paging(query: { startIndex?: string; count?: string }): { startIndex: number; count: number } {
  const number = (value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    if (!/^-?\d{1,9}$/.test(value)) throw new ScimError(400, 'invalidValue', 'startIndex and count are integers');
    return Number(value);
  };
  return {
    startIndex: Math.max(1, number(query.startIndex, 1)),
    count: Math.min(SCIM_MAX_RESULTS, Math.max(0, number(query.count, 100))),
  };
}

export function filterOf(query: { filter?: unknown }): string | undefined {
  if (query.filter === undefined) return undefined;
  if (typeof query.filter !== 'string' || query.filter.length > 1_000)
    throw new ScimError(400, 'invalidFilter', 'filter is one expression of at most 1,000 characters');
  return query.filter;
}
