// Group chat visits (issue 21) through the emulator: a card opened from a group chat passes wx.getGroupEnterInfo's
// cloudID as a CloudID, which the emulator resolves like CloudBase (to `{ openGId }` for the user it was issued to,
// within five minutes; anything else to an error without data). The visit keeps only the shop's HMAC of the group id,
// and the funnel splits 群聊 and 单聊, adding up to the chat visits. A cloudID that does not resolve counts as 单聊.
import { createHmac } from 'node:crypto';
import { post } from '../emulator/harness';
import { checkCountersAgainstLedger } from './ledgers';
import { MINUTE, OWNER, useShop } from './order-kit';

const shop = useShop();

afterEach(() => checkCountersAgainstLedger(shop));

const GROUP = 'tGm3x7p0Q9aWk2LrYs5Vn8Bc1Df4';
const OTHER_GROUP = 'tGzz91LqPw0eRt6Yu3Io8Pa2Sd5F';

async function codeOf(as: string): Promise<string> {
  return (await shop.call(as, 'shop', { action: 'session' })).data.user.shareCode;
}

/** WeChat handing `as` a cloudID for the group they opened the card in (wx.getGroupEnterInfo). */
async function groupCloudId(as: string, openGId: string): Promise<string> {
  const res = await post(
    shop.emu,
    '/__dev/open-data',
    { data: { openGId } },
    {
      authorization: `Bearer ${await shop.token(as)}`,
    },
  );
  if (res.status !== 200) throw new Error(`/__dev/open-data: ${res.text}`);
  return res.json.cloudID as string;
}

const visit = async (as: string, sharer: string, productId: string, extra: Record<string, unknown> = {}) =>
  shop.call(as, 'commission', { action: 'recordVisit', productId, s: await codeOf(sharer), c: 'chat', ...extra });

async function chatRow(sharer: string, productId: string) {
  const stats = (await shop.call(sharer, 'commission', { action: 'myStats' })).data;
  return stats.rows.find((r: any) => r.productId === productId && r.channel === 'chat');
}

const secret = async () => (await shop.db.collection('settings').doc('shop').get()).data.groupSecret as string;
const hmac = (key: string, id: string) => createHmac('sha256', key).update(id).digest('hex').slice(0, 32);

/** Every stored document that could hold a visit: none may contain a group id. */
async function storedText(): Promise<string> {
  const docs = await Promise.all(['visits', 'sharer_stats', 'shop_stats', 'bindings'].map((c) => shop.all(c)));
  return JSON.stringify(docs);
}

describe('group chat visits', () => {
  test('a group visit stores the shop’s hash of the group, never its id; the same group, the same hash', async () => {
    for (const as of ['gv1', 'gv2']) {
      const result = await visit(as, 'gsharer', 'puer357', { group: { $cloudID: await groupCloudId(as, GROUP) } });
      expect(result.ok).toBe(true);
    }
    await visit('gv3', 'gsharer', 'puer357', { group: { $cloudID: await groupCloudId('gv3', OTHER_GROUP) } });
    await visit('gv4', 'gsharer', 'puer357'); // a one-to-one chat: no group

    const key = await secret();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const markers = (await shop.all('visits')).filter((v) => v.group);
    expect(markers.map((m) => m.group).sort()).toEqual([hmac(key, GROUP), hmac(key, OTHER_GROUP)].sort());
    const text = await storedText();
    expect(text).not.toContain(GROUP);
    expect(text).not.toContain(OTHER_GROUP);

    expect(await chatRow('gsharer', 'puer357')).toMatchObject({
      visits: 4,
      chatSplit: { group: 3, single: 1, groups: 2 },
    });
  });

  test('another shop secret gives the same group another hash', async () => {
    await visit('gv5', 'gsharer2', 'rice5kg', { group: { $cloudID: await groupCloudId('gv5', GROUP) } });
    const first = await secret();
    await shop.db
      .collection('settings')
      .doc('shop')
      .update({ data: { groupSecret: 'b'.repeat(64) } });
    await visit('gv6', 'gsharer2', 'aksu-apple', { group: { $cloudID: await groupCloudId('gv6', GROUP) } });
    const hashes = (await shop.all('visits')).filter((v) => v.group && v._id.includes('|rice5kg|')).map((v) => v.group);
    const later = (await shop.all('visits'))
      .filter((v) => v.group && v._id.includes('|aksu-apple|'))
      .map((v) => v.group);
    expect(hashes).toEqual([hmac(first, GROUP)]);
    expect(later).toEqual([hmac('b'.repeat(64), GROUP)]);
    expect(later[0]).not.toBe(hashes[0]);
    await shop.db
      .collection('settings')
      .doc('shop')
      .update({ data: { groupSecret: first } });
  });

  test('a forged, foreign or expired cloudID is no group: the visit counts as 单聊', async () => {
    const product = 'ningxia-goji';
    const foreign = await groupCloudId('gv7', GROUP); // issued to gv7, sent by gv8
    const expired = await groupCloudId('gv9', GROUP);
    await shop.advance(5 * MINUTE);
    for (const [as, group] of [
      ['gv8', { $cloudID: foreign }],
      ['gv9', { $cloudID: expired }],
      ['gv10', { $cloudID: 'forged_0123456789abcdef' }],
      ['gv11', { $cloudID: 42 }],
    ] as const) {
      const result = await visit(as, 'gsharer3', product, { group });
      expect(result).toMatchObject({ ok: true });
    }
    expect(await chatRow('gsharer3', product)).toMatchObject({ visits: 4, chatSplit: { group: 0, single: 4 } });
    expect((await shop.all('visits')).filter((v) => v._id.includes(`|${product}|`) && v.group)).toEqual([]);
  });

  test('only a chat card has a group: a poster scan with group data is counted as a poster visit alone', async () => {
    const group = { $cloudID: await groupCloudId('gv16', GROUP) };
    const result = await visit('gv16', 'gsharer6', 'ejiao-cake', { c: 'poster', group });
    expect(result).toMatchObject({ ok: true });
    const stats = (await shop.call('gsharer6', 'commission', { action: 'myStats' })).data;
    expect(stats.rows).toEqual([expect.objectContaining({ productId: 'ejiao-cake', channel: 'poster', visits: 1 })]);
    expect(stats.rows[0]).not.toHaveProperty('chatSplit');
    expect((await shop.all('visits')).filter((v) => v._id.includes('|ejiao-cake|') && v.group)).toEqual([]);
  });

  test('hostile group input is refused with input.invalid and counts nothing', async () => {
    const before = await chatRow('gsharer4', 'cotton-bed');
    for (const group of [
      GROUP,
      { cloudID: 'x'.repeat(10_000) },
      { cloudID: 'x', data: { openGId: 'g'.repeat(500) } },
    ]) {
      const result = await visit('gv12', 'gsharer4', 'cotton-bed', { group });
      expect(result).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    }
    expect(await chatRow('gsharer4', 'cotton-bed')).toEqual(before);
  });

  test('the owner’s channels split 群聊 and 单聊, adding up to the chat visits of the day', async () => {
    const before = (await shop.call(OWNER, 'report', { action: 'dashboard', days: 7 })).data.channels;
    const chatBefore = before.find((c: any) => c.channel === 'chat') ?? {
      visits: 0,
      chatSplit: { group: 0, single: 0 },
    };
    await visit('gv13', 'gsharer5', 'qinghua-cup', { group: { $cloudID: await groupCloudId('gv13', GROUP) } });
    await visit('gv14', 'gsharer5', 'qinghua-cup');
    await visit('gv15', 'gsharer5', 'qinghua-cup', { group: { $cloudID: 'forged' } });
    const after = (await shop.call(OWNER, 'report', { action: 'dashboard', days: 7 })).data.channels;
    const chat = after.find((c: any) => c.channel === 'chat');
    expect(chat.visits).toBe(chatBefore.visits + 3);
    expect(chat.chatSplit).toEqual({ group: chatBefore.chatSplit.group + 1, single: chatBefore.chatSplit.single + 2 });
    expect(chat.chatSplit.group + chat.chatSplit.single).toBe(chat.visits);
    for (const c of after) if (c.channel !== 'chat') expect(c).not.toHaveProperty('chatSplit');
  });
});
