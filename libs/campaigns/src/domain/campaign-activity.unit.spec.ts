import { badgeWinners, campaignSummary } from './campaign-activity';

const kudos = (kudosId: string, fromId: string, ...toIds: string[]) => ({ kudosId, fromId, toIds });

describe('campaign badges', () => {
  it('go to who both gave and received kudos, and to who logged a wellbeing session', () =>
    expect(
      badgeWinners({
        kudos: [kudos('k1', 'ana', 'bo'), kudos('k2', 'bo', 'cy', 'ana'), kudos('k3', 'cy', 'bo')],
        wellbeing: [
          { personId: 'dee', minutes: 20 },
          { personId: 'ana', minutes: 30 },
          { personId: 'dee', minutes: 10 },
        ],
      }),
    ).toEqual([
      { badge: 'giver-and-receiver', personIds: ['ana', 'bo', 'cy'] },
      { badge: 'wellbeing-participant', personIds: ['ana', 'dee'] },
    ]));

  it('go to nobody in a quiet week', () =>
    expect(badgeWinners({ kudos: [kudos('k1', 'ana', 'bo')], wellbeing: [] }).map((b) => b.personIds)).toEqual([
      [],
      [],
    ]));
});

describe('campaign summary', () => {
  const people = ['p1', 'p2', 'p3', 'p4', 'p5'];

  it('counts kudos, the people recognised, wellbeing minutes and participants', () =>
    expect(
      campaignSummary(
        {
          kudos: people.map((p, i) => kudos(`k${i}`, p, people[(i + 1) % 5])),
          wellbeing: people.map((personId) => ({ personId, minutes: 15 })),
        },
        5,
      ),
    ).toEqual({
      kudosSent: { value: 5, suppressed: false },
      peopleRecognised: { value: 5, suppressed: false },
      wellbeingMinutes: { value: 75, suppressed: false },
      participants: { value: 5, suppressed: false },
    }));

  it('suppresses every figure about fewer people than the minimum', () =>
    expect(
      campaignSummary(
        {
          kudos: [kudos('k1', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6'), kudos('k2', 'p1', 'p2')],
          wellbeing: [{ personId: 'p1', minutes: 30 }],
        },
        5,
      ),
    ).toEqual({
      kudosSent: { value: null, suppressed: true }, // one sender
      peopleRecognised: { value: 5, suppressed: false },
      wellbeingMinutes: { value: null, suppressed: true },
      participants: { value: 6, suppressed: false },
    }));
});
