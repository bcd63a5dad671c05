/** An RFC 9457 problem, as every api error is (apps/api/src/openapi.ts `Problem`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; messages: string[] }[];
}

/** A request the api refused, or one that never reached it (`status` 0). */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

export const OFFLINE: Problem = { type: 'offline', title: 'No connection', status: 0 };

export const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' && value !== null && typeof (value as Problem).type === 'string' && 'status' in value;

/** The catalog key naming a problem: `problems.<last segment of its type>`, e.g. `problems.kudos-to-self`. */
export const problemKey = (problem: Problem) => `problems.${problem.type.split('/').pop() || 'unknown'}`;

/**
 * What to tell the user, in their language: the catalog's message for the problem's type when it has
 * one, else the api's own words (`detail`, then `title`), else a generic message by status.
 */
export function problemMessage(problem: Problem, t: (key: string) => string, known: (key: string) => boolean): string {
  const key = problemKey(problem);
  if (known(key)) return t(key);
  if (problem.detail || problem.title) return problem.detail ?? problem.title;
  return t(problem.status >= 500 ? 'problems.server' : 'problems.unknown');
}
