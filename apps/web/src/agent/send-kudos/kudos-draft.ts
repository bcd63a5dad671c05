import type { components } from '../../api/schema.gen';

type SendKudos = components['schemas']['SendKudosRequest'];
type Colleague = components['schemas']['FindPeopleResponse']['items'][number];

/** The api's limits (apps/api recognition.request.dto.ts): up to 10 colleagues, 3 values, 500 characters. */
export const MAX_RECIPIENTS = 10;
export const MAX_VALUES = 3;
export const MAX_MESSAGE = 500;

export interface KudosDraft {
  to: Colleague[];
  message: string;
  values: SendKudos['values'];
  visibility: SendKudos['visibility'];
}

/** Team by default: the colleagues' teams see it; public is a choice. */
export const emptyKudos: KudosDraft = { to: [], message: '', values: [], visibility: 'team' };

export type KudosProblem = 'to' | 'tooMany' | 'message' | 'values';

/** What keeps the kudos from being sent, as catalog keys under `kudos.problems`. */
export function kudosProblems(draft: KudosDraft): KudosProblem[] {
  const message = draft.message.trim();
  return [
    ...(draft.to.length === 0 ? (['to'] as const) : []),
    ...(draft.to.length > MAX_RECIPIENTS ? (['tooMany'] as const) : []),
    ...(message.length === 0 || message.length > MAX_MESSAGE ? (['message'] as const) : []),
    ...(draft.values.length === 0 || draft.values.length > MAX_VALUES ? (['values'] as const) : []),
  ];
}

export function toKudos(draft: KudosDraft): SendKudos {
  return {
    to: draft.to.map((person) => person.personId),
    message: draft.message.trim(),
    values: draft.values,
    visibility: draft.visibility,
  };
}
