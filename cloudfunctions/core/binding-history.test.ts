import { bindingEnd, historyId, mergeHistory } from './binding-history';

const at = (iso: string) => new Date(iso);
const now = at('2026-12-03T12:00:00Z');

describe('bindingEnd', () => {
  test('active until its end; then expired; a release or a mute says so whatever the end', () => {
    expect(bindingEnd({ until: at('2026-12-04T00:00:00Z') }, now)).toBeNull();
    expect(bindingEnd({ until: now }, now)).toBe('expired');
    const released = at('2026-12-01T00:00:00Z');
    expect(bindingEnd({ until: released, releasedAt: released }, now)).toBe('released');
    expect(bindingEnd({ until: released, releasedAt: released, endedBy: 'muted' }, now)).toBe('muted');
  });
});

describe('mergeHistory', () => {
  const entry = (since: string, ended: string | null) => ({ _id: historyId('b', at(since)), since: at(since), ended });

  test('newest first, the binding document’s version of the current entry, added when a crash left it out', () => {
    const stored = [entry('2026-11-01T00:00:00Z', 'released'), entry('2026-11-20T00:00:00Z', null)];
    const current = entry('2026-11-20T00:00:00Z', 'expired');
    expect(mergeHistory(stored, current, 10).map((e) => e.ended)).toEqual(['expired', 'released']);
    const lost = entry('2026-12-01T00:00:00Z', null);
    expect(mergeHistory(stored, lost, 10).map((e) => e.ended)).toEqual([null, null, 'released']);
    expect(mergeHistory(stored, lost, 2)).toHaveLength(2);
    expect(mergeHistory([], null, 10)).toEqual([]);
  });

  test('one id per buyer and start, so a replay writes the same entry', () => {
    expect(historyId('dev_bob', at('2026-12-01T00:00:00Z'))).toBe(historyId('dev_bob', at('2026-12-01T00:00:00Z')));
    expect(historyId('dev_bob', at('2026-12-01T00:00:00Z'))).not.toBe(historyId('dev_bob', at('2026-12-01T00:00:01Z')));
  });
});
