import { fold } from '@frontline/decider';
import fc from 'fast-check';
import { KudosAllowanceSpentError, kudosAllowanceDecider } from './kudos-allowance.decider';
import type { KudosAllowanceEvent } from './kudos-allowance.events';
import { KudosToSelfError, kudosDecider, refuseUnsendableKudos } from './kudos.decider';
import type { KudosEvent } from './kudos.events';
import { KUDOS_VALUES, VISIBILITIES } from './recognition.vocabulary';

const personId = fc.constantFrom('ana', 'bo', 'cy', 'di', 'ed');
const kudosId = fc.constantFrom('k1', 'k2', 'k3');
const emoji = fc.constantFrom('🎉', '👏', '+1');

const kudosEvent: fc.Arbitrary<KudosEvent> = fc.oneof(
  fc.record({
    type: fc.constant('KudosSent' as const),
    data: fc.record({
      kudosId,
      fromId: personId,
      toIds: fc.uniqueArray(personId, { minLength: 1, maxLength: 5 }),
      message: fc.string({ minLength: 1, maxLength: 20 }),
      values: fc.uniqueArray(fc.constantFrom(...KUDOS_VALUES), { minLength: 1, maxLength: 3 }),
      visibility: fc.constantFrom(...VISIBILITIES),
      sentAt: fc.constant('2026-03-02T10:00:00.000Z'),
    }),
  }),
  fc.record({
    type: fc.constantFrom('KudosReactionAdded' as const, 'KudosReactionRemoved' as const),
    data: fc.record({ kudosId, personId, emoji }),
  }),
  fc.record({ type: fc.constant('KudosRetracted' as const), data: fc.record({ kudosId, by: personId }) }),
  fc.record({
    type: fc.constant('KudosHidden' as const),
    data: fc.record({ kudosId, reason: fc.string(), by: personId }),
  }),
);
const allowanceEvent: fc.Arbitrary<KudosAllowanceEvent> = fc.record({
  type: fc.constant('KudosAllowanceSpent' as const),
  data: fc.record({ kudosId: fc.uuid() }),
});

describe('recognition rules for any history', () => {
  it('refuses kudos whose recipients include the sender, whatever the kudos and allowance streams hold', () =>
    fc.assert(
      fc.property(
        fc.array(kudosEvent, { maxLength: 30 }),
        fc.array(allowanceEvent, { maxLength: 30 }),
        personId,
        fc.uniqueArray(personId, { maxLength: 9 }),
        fc.integer({ min: 1, max: 30 }),
        (kudosHistory, allowanceHistory, sender, others, allowance) => {
          const toIds = [...others.filter((id) => id !== sender), sender];
          const send = {
            type: 'SendKudos' as const,
            kudosId: 'k1',
            fromId: sender,
            toIds,
            message: 'thanks',
            values: ['teamwork' as const],
            visibility: 'public' as const,
            people: Object.fromEntries(
              ['ana', 'bo', 'cy', 'di', 'ed'].map((id) => [id, { status: 'active' as const }]),
            ),
            now: new Date('2026-03-02T10:00:00.000Z'),
          };
          // The send as the handler runs it: its own rules, then the allowance, then the kudos stream.
          const sendAsTheHandlerDoes = () => {
            refuseUnsendableKudos(send);
            const spend = { type: 'SpendKudosAllowance' as const, kudosId: 'k1', senderId: sender, allowance };
            kudosAllowanceDecider.decide(spend, fold(kudosAllowanceDecider, allowanceHistory));
            return kudosDecider.decide(send, fold(kudosDecider, kudosHistory));
          };
          expect(sendAsTheHandlerDoes).toThrow(KudosToSelfError);
          expect(() => kudosDecider.decide(send, fold(kudosDecider, kudosHistory))).toThrow(KudosToSelfError);
        },
      ),
    ));

  it('never spends more than the allowance, whatever sends come in', () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 25 }),
        fc.array(fc.constantFrom(...Array.from({ length: 40 }, (_, i) => `k${i}`)), { maxLength: 80 }),
        (allowance, sends) => {
          let state = kudosAllowanceDecider.initialState();
          const wrongRefusals: unknown[] = [];
          for (const id of sends) {
            const before = state.spentOn.length;
            try {
              const events = kudosAllowanceDecider.decide(
                { type: 'SpendKudosAllowance', kudosId: id, senderId: 'ana', allowance },
                state,
              );
              state = events.reduce(kudosAllowanceDecider.evolve, state);
            } catch (error) {
              if (!(error instanceof KudosAllowanceSpentError) || before < allowance) wrongRefusals.push(error);
            }
            expect(state.spentOn.length).toBeLessThanOrEqual(allowance);
          }
          expect(wrongRefusals).toEqual([]);
          expect(new Set(state.spentOn).size).toBe(state.spentOn.length);
          expect(state.spentOn.length).toBe(Math.min(allowance, new Set(sends).size));
        },
      ),
    ));
});
