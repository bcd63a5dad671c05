import { InvalidRequestException } from './problem-details.filter';

/**
 * How deep a JSON body may nest. The deepest body the api takes is 4 levels (a campaign, its
 * days, a day, its activities); 8 leaves room to grow, and keeps bodies far from the depth at
 * which validation, which recurses, runs out of stack.
 */
export const MAX_JSON_DEPTH = 8;

/** A body nested deeper than MAX_JSON_DEPTH, refused before it is parsed. */
export class JsonTooDeepException extends InvalidRequestException {
  constructor() {
    super([{ field: 'body', messages: [`must not nest objects and arrays more than ${MAX_JSON_DEPTH} deep`] }]);
  }
}

/** Whether JSON text nests objects and arrays deeper than `limit`; one pass, brackets inside strings skipped. */
export function nestsDeeperThan(json: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const char = json.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      if (++depth > limit) return true;
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
  return false;
}
