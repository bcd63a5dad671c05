import { useRouteContext } from '@tanstack/react-router';
import { answer, api } from '../api/client';
import type { components } from '../api/schema.gen';

export type Me = components['schemas']['MeResponse'];
export type Role = Me['roles'][number];

export const loadMe = (): Promise<Me> => answer(api.GET('/v1/me'));

export const hasRole = (me: Me, ...roles: Role[]) => roles.some((role) => me.roles.includes(role));

/** The signed-in person, as GET /v1/me gave them when the app started (main.tsx). */
export const useMe = (): Me => useRouteContext({ from: '__root__', select: (context) => context.me });
