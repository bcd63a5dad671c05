import { untilShown } from './until-shown';

type List = { items: { id: string }[] };
const shows = (data: List, id: string) => data.items.some((item) => item.id === id);
const query = (ids: string[]) => ({ state: { data: { items: ids.map((id) => ({ id })) } } });

describe('asking a list again until it shows what was just written', () => {
  it('asks every half second while the list lacks it, and stops once it is there', () => {
    const interval = untilShown<List>({ id: 'k1', at: Date.now() }, shows);
    expect(interval(query([]))).toBe(500);
    expect(interval({ state: { data: undefined } })).toBe(500);
    expect(interval(query(['k0', 'k1']))).toBe(false);
  });

  it('does not ask when nothing was written, nor after ten seconds', () => {
    expect(untilShown<List>(null, shows)(query([]))).toBe(false);
    expect(untilShown<List>({ id: 'k1', at: Date.now() - 11_000 }, shows)(query([]))).toBe(false);
  });
});
