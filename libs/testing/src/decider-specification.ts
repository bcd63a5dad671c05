import { type Decider, type DomainEvent, fold } from '@frontline/decider';

/**
 * Reads as the rule it checks:
 * `given([enrolled]).when(move).then([moved])` or `.thenThrows(PersonNotActiveError)`.
 */
export function deciderSpecification<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
) {
  return {
    given: (history: Event[]) => ({
      when: (command: Command) => {
        const decide = () => decider.decide(command, fold(decider, history));
        return {
          then: (expected: Event[]) => expect(decide()).toEqual(expected),
          thenThrows: (error: new (...args: never[]) => Error) => expect(decide).toThrow(error),
        };
      },
    }),
  };
}
