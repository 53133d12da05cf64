import { CLOUD_ID_TTL_MS, OpenData } from './open-data';

describe('open data behind a CloudID', () => {
  let clock = 1_700_000_000_000;
  const openData = new OpenData('wxdevappid', () => clock);

  test('a top-level CloudID of the user it was issued to becomes { cloudID, data } with WeChat’s watermark', () => {
    const cloudID = openData.issue('dev_bob', { openGId: 'G1' });
    const event: Record<string, unknown> = { action: 'x', group: { $cloudID: cloudID } };
    expect(openData.resolveTopLevel(event, 'dev_bob')).toBe(true);
    expect(event).toEqual({
      action: 'x',
      group: {
        cloudID,
        data: { openGId: 'G1', watermark: { appid: 'wxdevappid', timestamp: Math.floor(clock / 1000) } },
      },
    });
  });

  test('one never issued, issued to another user, or older than five minutes resolves to an error without data', () => {
    const theirs = openData.issue('dev_alice', { openGId: 'G2' });
    const old = openData.issue('dev_bob', { openGId: 'G3' });
    clock += CLOUD_ID_TTL_MS;
    for (const cloudID of ['never_issued', theirs, old]) {
      const event: Record<string, unknown> = { group: { $cloudID: cloudID } };
      openData.resolveTopLevel(event, 'dev_bob');
      expect(event.group).toEqual({ cloudID, errMsg: expect.stringContaining('fail') });
    }
  });

  test('below the top level, or with other keys beside it, a marker is left as sent', () => {
    const cloudID = openData.issue('dev_bob', { openGId: 'G4' });
    const event: Record<string, unknown> = {
      obj: { group: { $cloudID: cloudID } },
      mixed: { $cloudID: cloudID, data: { openGId: 'forged' } },
      list: [{ $cloudID: cloudID }],
    };
    const before = JSON.stringify(event);
    expect(openData.resolveTopLevel(event, 'dev_bob')).toBe(false);
    expect(JSON.stringify(event)).toBe(before);
  });
});
