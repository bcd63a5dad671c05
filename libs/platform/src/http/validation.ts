import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { InvalidRequestException } from './problem-details.filter';
import type { FieldError } from './problem';

// class-validator's whitelist looks fields up in a plain object, so names such as `valueOf` slip through it;
// class-transformer never copies a field named `prototype`, so the whitelist never sees that one.
const INHERITED_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Unknown fields of a body or a query string are refused, never stored; every bad field is named by its path. */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    const inherited = metadata.type === 'body' || metadata.type === 'query' ? inheritedNames(value) : [];
    if (inherited.length > 0) {
      throw new InvalidRequestException(
        inherited.map((field) => ({ field, messages: [`property ${field} should not exist`] })),
      );
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidRequestException(flatten(errors)),
  });
}

function inheritedNames(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const field = path ? `${path}.${key}` : key;
    return [...(INHERITED_NAMES.has(key) ? [field] : []), ...inheritedNames(child, field)];
  });
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
