import { emptyKudos, kudosProblems, toKudos } from './kudos-draft';

const colleague = (n: number) => ({ personId: `p${n}`, displayName: `P${n}`, teamId: 't', teamName: 'T' });

describe('a kudos being written', () => {
  it('needs someone to thank, a message and one to three values', () => {
    expect(kudosProblems(emptyKudos)).toEqual(['to', 'message', 'values']);
    const ready = { ...emptyKudos, to: [colleague(1)], message: ' Thanks ', values: ['empathy' as const] };
    expect(kudosProblems(ready)).toEqual([]);
    expect(kudosProblems({ ...ready, message: '   ' })).toEqual(['message']);
    expect(kudosProblems({ ...ready, to: Array.from({ length: 11 }, (_, i) => colleague(i)) })).toEqual(['tooMany']);
    expect(kudosProblems({ ...ready, values: ['empathy', 'teamwork', 'ownership', 'above_and_beyond'] })).toEqual([
      'values',
    ]);
  });

  it('is shown to the teams concerned unless the sender chooses otherwise', () => {
    expect(emptyKudos.visibility).toBe('team');
  });

  it('goes to the api as ids, its message trimmed', () => {
    const kudos = {
      ...emptyKudos,
      to: [colleague(1), colleague(2)],
      message: ' Thanks ',
      values: ['teamwork' as const],
    };
    expect(toKudos(kudos)).toEqual({ to: ['p1', 'p2'], message: 'Thanks', values: ['teamwork'], visibility: 'team' });
  });
});
