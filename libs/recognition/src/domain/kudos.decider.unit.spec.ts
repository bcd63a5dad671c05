import { deciderSpecification } from '@frontline/testing';
import {
  InvalidEmojiError,
  InvalidKudosError,
  KudosAlreadySentError,
  KudosHideNotAllowedError,
  KudosRemovedError,
  KudosToSelfError,
  NotKudosSenderError,
  RecipientNotActiveError,
  SenderNotActiveError,
  type SendKudos,
  UnknownKudosError,
  UnknownRecipientError,
  kudosDecider,
} from './kudos.decider';
import type { KudosEvent, KudosSent } from './kudos.events';
import type { PersonFacts, Visibility } from './recognition.vocabulary';

const { given } = deciderSpecification(kudosDecider);
const now = new Date('2026-03-02T10:00:00.000Z');
const kudosId = 'k1';
const people: Record<string, PersonFacts> = {
  ana: { status: 'active', teamId: 't1', siteId: 's1' },
  bo: { status: 'active', teamId: 't2', siteId: 's1' },
  cy: { status: 'active', teamId: 't3', siteId: 's3' },
  mate: { status: 'active', teamId: 't2', siteId: 's1' },
  gone: { status: 'offboarded', teamId: 't1', siteId: 's1' },
};
const send = (overrides: Partial<SendKudos> = {}): SendKudos => ({
  type: 'SendKudos',
  kudosId,
  fromId: 'ana',
  toIds: ['bo'],
  message: 'Thanks for calming that caller down',
  values: ['empathy', 'active_listening'],
  visibility: 'public',
  people,
  now,
  ...overrides,
});
const sent = (visibility: Visibility = 'public'): KudosSent => ({
  type: 'KudosSent',
  data: {
    kudosId,
    fromId: 'ana',
    toIds: ['bo'],
    message: 'Thanks for calming that caller down',
    values: ['empathy', 'active_listening'],
    visibility,
    sentAt: now.toISOString(),
    fromTeamId: 't1',
    toTeamIds: ['t2'],
    fromSiteId: 's1',
    toSiteIds: ['s1'],
  },
});
/** Someone as the directory has them now. */
const viewer = (personId: string) => ({ personId, teamId: people[personId]?.teamId });
const react = (personId: string, type: 'AddKudosReaction' | 'RemoveKudosReaction' = 'AddKudosReaction') => ({
  type,
  kudosId,
  by: viewer(personId),
  emoji: '🎉',
});
const added = (personId: string): KudosEvent => ({
  type: 'KudosReactionAdded',
  data: { kudosId, personId, emoji: '🎉', toIds: ['bo'] },
});
const retracted: KudosEvent = { type: 'KudosRetracted', data: { kudosId, by: 'ana' } };
const hidden: KudosEvent = { type: 'KudosHidden', data: { kudosId, reason: 'Names a customer', by: 'admin1' } };

describe('kudos decider', () => {
  describe('sending', () => {
    it('sends kudos to active colleagues', () => given([]).when(send()).then([sent()]));

    it('keeps the campaign a kudos belongs to', () =>
      given([])
        .when(send({ campaignId: 'c1' }))
        .then([{ type: 'KudosSent', data: { ...sent().data, campaignId: 'c1' } }]));

    it('records the team and site of the sender and of each recipient, as the directory has them now', () =>
      given([])
        .when(send({ toIds: ['bo', 'cy', 'mate'] }))
        .then([
          {
            type: 'KudosSent',
            data: {
              ...sent().data,
              toIds: ['bo', 'cy', 'mate'],
              toTeamIds: ['t2', 't3', 't2'],
              toSiteIds: ['s1', 's3', 's1'],
            },
          },
        ]));

    it('refuses kudos to yourself', () =>
      given([])
        .when(send({ toIds: ['bo', 'ana'] }))
        .thenThrows(KudosToSelfError));

    it('needs 1 to 10 different recipients', () => {
      given([])
        .when(send({ toIds: [] }))
        .thenThrows(InvalidKudosError);
      given([])
        .when(send({ toIds: ['bo', 'bo'] }))
        .thenThrows(InvalidKudosError);
      given([])
        .when(send({ toIds: Array.from({ length: 11 }, (_, i) => `p${i}`) }))
        .thenThrows(InvalidKudosError);
    });

    it('needs a message of 1 to 500 characters and 1 to 3 different values', () => {
      given([])
        .when(send({ message: '' }))
        .thenThrows(InvalidKudosError);
      given([])
        .when(send({ message: 'x'.repeat(501) }))
        .thenThrows(InvalidKudosError);
      given([])
        .when(send({ values: [] }))
        .thenThrows(InvalidKudosError);
      given([])
        .when(send({ values: ['empathy', 'empathy'] }))
        .thenThrows(InvalidKudosError);
      given([])
        .when(send({ values: ['empathy', 'teamwork', 'ownership', 'clear_writing'] }))
        .thenThrows(InvalidKudosError);
    });

    it('needs an active sender', () => {
      given([])
        .when(send({ fromId: 'gone' }))
        .thenThrows(SenderNotActiveError);
      given([])
        .when(send({ fromId: 'stranger' }))
        .thenThrows(SenderNotActiveError);
    });

    it('refuses recipients nobody enrolled, naming them', () => {
      given([])
        .when(send({ toIds: ['bo', 'nobody'] }))
        .thenThrows(UnknownRecipientError);
      expect(() => kudosDecider.decide(send({ toIds: ['bo', 'nobody'] }), { status: 'none' })).toThrow(/nobody/);
    });

    it('refuses recipients who left', () =>
      given([])
        .when(send({ toIds: ['gone'] }))
        .thenThrows(RecipientNotActiveError));

    it('sends the same kudos once', () => given([sent()]).when(send()).thenThrows(KudosAlreadySentError));
  });

  describe('reacting', () => {
    it('adds a reaction', () =>
      given([sent()])
        .when(react('cy'))
        .then([added('cy')]));

    it('counts one reaction per person and emoji', () =>
      given([sent(), added('cy')])
        .when(react('cy'))
        .then([]));

    it('removes a standing reaction, and changes nothing when there is none', () => {
      given([sent(), added('cy')])
        .when(react('cy', 'RemoveKudosReaction'))
        .then([{ type: 'KudosReactionRemoved', data: { kudosId, personId: 'cy', emoji: '🎉', toIds: ['bo'] } }]);
      given([sent()]).when(react('cy', 'RemoveKudosReaction')).then([]);
    });

    it('takes a short emoji without spaces', () => {
      given([sent()])
        .when({ ...react('cy'), emoji: '' })
        .thenThrows(InvalidEmojiError);
      given([sent()])
        .when({ ...react('cy'), emoji: 'thumbs up' })
        .thenThrows(InvalidEmojiError);
      given([sent()])
        .when({ ...react('cy'), emoji: 'x'.repeat(17) })
        .thenThrows(InvalidEmojiError);
    });

    it('lets team kudos be seen by the sender, recipients and their teams only', () => {
      given([sent('team')])
        .when(react('mate'))
        .then([added('mate')]);
      given([sent('team')])
        .when(react('cy'))
        .thenThrows(UnknownKudosError);
    });

    it('lets private kudos be seen by the sender and recipients only', () => {
      given([sent('private')])
        .when(react('ana'))
        .then([added('ana')]);
      given([sent('private')])
        .when(react('mate'))
        .thenThrows(UnknownKudosError);
    });

    it('knows no kudos never sent', () => given([]).when(react('cy')).thenThrows(UnknownKudosError));

    it('takes no reactions after a retraction or hiding', () => {
      given([sent(), retracted]).when(react('cy')).thenThrows(KudosRemovedError);
      given([sent(), hidden]).when(react('cy', 'RemoveKudosReaction')).thenThrows(KudosRemovedError);
    });
  });

  describe('retracting and hiding', () => {
    it('lets the sender retract, once', () => {
      given([sent()])
        .when({ type: 'RetractKudos', kudosId, by: viewer('ana') })
        .then([retracted]);
      given([sent(), retracted])
        .when({ type: 'RetractKudos', kudosId, by: viewer('ana') })
        .then([]);
    });

    it('lets nobody but the sender retract', () =>
      given([sent()])
        .when({ type: 'RetractKudos', kudosId, by: viewer('bo') })
        .thenThrows(NotKudosSenderError));

    it('tells someone who may not see the kudos nothing, not even that it exists', () =>
      given([sent('private')])
        .when({ type: 'RetractKudos', kudosId, by: viewer('mate') })
        .thenThrows(UnknownKudosError));

    it('lets an admin hide with a reason, once', () => {
      const hide = {
        type: 'HideKudos' as const,
        kudosId,
        by: 'admin1',
        byRoles: ['admin'],
        reason: 'Names a customer',
      };
      given([sent()]).when(hide).then([hidden]);
      given([sent(), hidden]).when(hide).then([]);
      given([sent(), retracted]).when(hide).then([]);
      given([sent()])
        .when({ ...hide, reason: '  ' })
        .thenThrows(InvalidKudosError);
    });

    it('lets nobody but an admin hide', () =>
      given([sent()])
        .when({ type: 'HideKudos', kudosId, by: 'bo', byRoles: ['team_lead'], reason: 'Names a customer' })
        .thenThrows(KudosHideNotAllowedError));

    it('knows no kudos never sent', () =>
      given([])
        .when({ type: 'RetractKudos', kudosId, by: viewer('ana') })
        .thenThrows(UnknownKudosError));
  });
});
