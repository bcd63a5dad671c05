import { type DraftStorage, draftSent, loadDraft, missingFields, newDraft, saveDraft, toReport } from './report-draft';

const memory = (): DraftStorage & { items: Map<string, string> } => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
};
let ids = 0;
const newId = () => `id-${++ids}`;
const now = new Date('2026-12-07T10:00:00Z');
const ana = 'person-ana';

describe('a report draft', () => {
  it('starts empty, with its incident id and Idempotency-Key chosen once', () => {
    const draft = loadDraft(memory(), ana, now, newId);
    expect(draft).toMatchObject({
      channel: null,
      kinds: [],
      severity: null,
      occurredAt: null,
      startedAt: now.toISOString(),
    });
    expect(draft.incidentId).not.toBe(draft.idempotencyKey);
  });

  it('comes back as it was saved, keys included, so a second send reports nothing new', () => {
    const storage = memory();
    const draft = { ...loadDraft(storage, ana, now, newId), channel: 'chat' as const, narrative: 'Rude' };
    saveDraft(storage, ana, draft);
    expect(loadDraft(storage, ana, new Date(now.getTime() + 60_000), newId)).toEqual(draft);
  });

  it("is each person's own", () => {
    const storage = memory();
    saveDraft(storage, ana, { ...loadDraft(storage, ana, now, newId), channel: 'chat' });
    expect(loadDraft(storage, 'person-bo', now, newId).channel).toBeNull();
  });

  it('is discarded after a week, or when it cannot be read', () => {
    const storage = memory();
    const draft = { ...loadDraft(storage, ana, now, newId), narrative: 'old' };
    saveDraft(storage, ana, draft);
    expect(loadDraft(storage, ana, new Date(now.getTime() + 8 * 86_400_000), newId).narrative).toBe('');
    storage.setItem(`frontline.reportDraft.${ana}`, '{not json');
    expect(loadDraft(storage, ana, now, newId).narrative).toBe('');
  });

  it('once sent, goes, and the next report starts on the same channel', () => {
    const storage = memory();
    const draft = { ...loadDraft(storage, ana, now, newId), channel: 'email' as const, narrative: 'x' };
    saveDraft(storage, ana, draft);
    draftSent(storage, ana, draft);
    const next = loadDraft(storage, ana, now, newId);
    expect(next).toMatchObject({ channel: 'email', narrative: '' });
    expect(next.incidentId).not.toBe(draft.incidentId);
  });

  it('needs a channel, what happened and how serious before it is sent', () => {
    const draft = newDraft(now, newId);
    expect(missingFields(draft)).toEqual(['channel', 'kinds', 'severity']);
    expect(() => toReport(draft)).toThrow('not complete');
    expect(missingFields({ ...draft, channel: 'phone', kinds: ['insult'], severity: 'low' })).toEqual([]);
  });

  it('becomes a report that happened when it started, without empty texts, sharing no narrative it lacks', () => {
    const draft = {
      ...newDraft(now, newId),
      channel: 'phone' as const,
      kinds: ['threat_of_violence' as const],
      severity: 'high' as const,
      customerRef: '  ',
      narrative: ' ',
      shareNarrativeWithLead: true,
    };
    expect(toReport(draft)).toEqual({
      incidentId: draft.incidentId,
      channel: 'phone',
      kinds: ['threat_of_violence'],
      severity: 'high',
      occurredAt: now.toISOString(),
      supportRequested: false,
      shareNarrativeWithLead: false,
    });
    expect(toReport({ ...draft, occurredAt: '2026-12-07T09:00:00.000Z', narrative: 'He said…' })).toMatchObject({
      occurredAt: '2026-12-07T09:00:00.000Z',
      narrative: 'He said…',
      shareNarrativeWithLead: true,
    });
  });
});
