// The owner's shop settings through the emulator: every rule within its bounds, the shop's name, the owner list
// (added and removed by member code, never left empty), the customer service contacts (in every member's session),
// the return address and the shipping-info switch; non-owners are refused and change nothing.
import { SHOP_RULE_BOUNDS } from '../../cloudfunctions/contracts/shop';
import { POINTS_RULE_BOUNDS } from '../../cloudfunctions/contracts/points';
import { OWNER, line, useShop } from './order-kit';

const shop = useShop();

const call = (as: string, action: string, input: Record<string, unknown> = {}) =>
  shop.call(as, 'shop', { action, ...input });
async function ok(as: string, action: string, input: Record<string, unknown> = {}) {
  const result = await call(as, action, input);
  if (!result.ok) throw new Error(`shop.${action} as ${as} refused: ${JSON.stringify(result)}`);
  return result.data;
}
const codeOf = async (as: string) => (await call(as, 'session')).data.user.shareCode as string;
const settingsDoc = async () => (await shop.db.collection('settings').doc('shop').get()).data;

test('every bound of every rule: the edges are taken, one past them is refused and changes nothing', async () => {
  const bounds = { ...SHOP_RULE_BOUNDS, ...POINTS_RULE_BOUNDS };
  for (const [name, { min, max }] of Object.entries(bounds)) {
    const before = await settingsDoc();
    for (const bad of [min - 1, max + 1, min + 0.5, String(min)]) {
      const result = await call(OWNER, 'updateSettings', { rules: { [name]: bad } });
      expect([name, bad, result.ok === false && result.error.code]).toEqual([name, bad, 'input.invalid']);
    }
    expect(await settingsDoc()).toEqual(before);
    for (const good of [min, max])
      expect((await ok(OWNER, 'updateSettings', { rules: { [name]: good } })).rules[name]).toBe(good);
  }
  // Back to the defaults for the other tests of this file.
  const defaults = {
    shippingFeeFen: 1000,
    freeShippingFromFen: 9900,
    unpaidCancelMinutes: 30,
    autoConfirmDays: 10,
    afterSaleDays: 7,
    afterSaleReplyDays: 2,
    returnShipDays: 7,
    returnReceiveDays: 10,
    commissionRateBp: 500,
    bindingDays: 15,
  };
  const points = {
    pointsEarnPerYuan: 1,
    pointsPerYuan: 100,
    pointsCapBp: 5000,
    welcomePoints: 100,
    pointsExpiryDays: 365,
  };
  expect((await ok(OWNER, 'updateSettings', { rules: { ...defaults, ...points } })).rules).toEqual({
    ...defaults,
    ...points,
  });
});

test('a new shipping rule prices new orders; a placed order keeps its amounts', async () => {
  const placed = await shop.placed('buyer1', [line('aksu-apple', 'aksu-apple-1')]);
  await ok(OWNER, 'updateSettings', { rules: { shippingFeeFen: 1500 } });
  try {
    expect((await shop.get('buyer1', placed.id)).amounts.shippingFen).toBe(1000);
    expect(
      (await shop.ok('buyer1', 'quote', { items: [line('aksu-apple', 'aksu-apple-1')] })).amounts.shippingFen,
    ).toBe(1500);
  } finally {
    await ok(OWNER, 'updateSettings', { rules: { shippingFeeFen: 1000 } });
  }
});

test('the name and the owner list; the last owner cannot remove themselves', async () => {
  const carlaCode = await codeOf('carla');
  const named = await ok(OWNER, 'updateSettings', { shopName: ' 小满的店 ', addOwner: carlaCode });
  expect(named.shopName).toBe('小满的店');
  expect(named.owners.map((o: any) => o.shareCode)).toContain(carlaCode);
  // carla is an owner now: she can read the settings, and remove the first owner.
  const asCarla = await ok('carla', 'updateSettings', { removeOwner: await codeOf(OWNER) });
  expect(asCarla.owners).toEqual([expect.objectContaining({ shareCode: carlaCode, isMe: true })]);
  expect(await call(OWNER, 'settings')).toMatchObject({ ok: false, error: { code: 'auth.not_owner' } });
  expect(await call('carla', 'updateSettings', { removeOwner: carlaCode })).toMatchObject({
    ok: false,
    error: { code: 'settings.last_owner' },
  });
  expect(await call('carla', 'updateSettings', { addOwner: 'ZZZZZZ' })).toMatchObject({
    ok: false,
    error: { code: 'settings.member_not_found' },
  });
  // Hand the shop back.
  await ok('carla', 'updateSettings', { addOwner: await codeOf(OWNER) });
  await ok(OWNER, 'updateSettings', { removeOwner: carlaCode, shopName: '友荐小店' });
  expect((await settingsDoc()).owners).toEqual(['dev_owner']);
});

test('non-owners are refused on reading and on every change, and nothing changes', async () => {
  const before = await settingsDoc();
  expect(await call('mallory', 'settings')).toMatchObject({ ok: false, error: { code: 'auth.not_owner' } });
  for (const change of [
    { shopName: '我的店' },
    { rules: { shippingFeeFen: 0 } },
    { addOwner: await codeOf('mallory') },
    { removeOwner: await codeOf(OWNER) },
    { service: { phone: '400-800-1234' } },
    { shippingInfoUpload: false },
  ]) {
    expect(await call('mallory', 'updateSettings', change)).toMatchObject({
      ok: false,
      error: { code: 'auth.not_owner' },
    });
  }
  // The owner check comes before validation: a non-owner learns nothing about the input's shape.
  const shaped = await call('mallory', 'updateSettings', { owners: ['dev_mallory'] });
  expect(shaped).toMatchObject({ ok: false, error: { code: 'auth.not_owner' } });
  expect(await settingsDoc()).toEqual(before);
});

const RETURN_ADDRESS = {
  name: '小满',
  phone: '13912345678',
  region: '浙江省 杭州市 余杭区',
  detail: '文一西路 1 号 退货仓',
};

test('contacts, return address, shipping-info switch are saved, read back, in sessions', async () => {
  const fresh = await ok(OWNER, 'settings');
  expect(fresh).toMatchObject({ service: { phone: '', wechatId: '' }, returnAddress: null, shippingInfoUpload: true });

  const saved = await ok(OWNER, 'updateSettings', {
    service: { phone: '0571-88886666', wechatId: 'youjian_kefu' },
    returnAddress: RETURN_ADDRESS,
    shippingInfoUpload: false,
  });
  const expected = {
    service: { phone: '0571-88886666', wechatId: 'youjian_kefu' },
    returnAddress: RETURN_ADDRESS,
    shippingInfoUpload: false,
  };
  expect(saved).toMatchObject(expected);
  expect(await ok(OWNER, 'settings')).toMatchObject(expected);
  // Any member's session carries the contacts (the h5 build's 联系客服), never the return address.
  const session = await ok('visitor', 'session');
  expect(session.service).toEqual({ phone: '0571-88886666', wechatId: 'youjian_kefu' });
  expect(JSON.stringify(session)).not.toContain('退货仓');

  // One field changes alone; '' clears it; the other settings stay.
  const cleared = await ok(OWNER, 'updateSettings', { service: { wechatId: '' }, shippingInfoUpload: true });
  expect(cleared).toMatchObject({
    service: { phone: '0571-88886666', wechatId: '' },
    returnAddress: RETURN_ADDRESS,
    shippingInfoUpload: true,
  });
  await ok(OWNER, 'updateSettings', { service: { phone: '', wechatId: '' } });
});

test.each([
  ['a phone with letters', { service: { phone: '400-CALL-NOW' } }],
  ['a phone too short', { service: { phone: '1234' } }],
  ['a WeChat ID starting with a digit', { service: { wechatId: '8youjian' } }],
  ['an unknown service field', { service: { email: 'a@b.cn' } }],
  ['a return address with a bad phone', { returnAddress: { ...RETURN_ADDRESS, phone: '12345' } }],
  ['a return address without its detail', { returnAddress: { ...RETURN_ADDRESS, detail: undefined } }],
  ['a switch that is not a boolean', { shippingInfoUpload: 'off' }],
])('refused as input.invalid, nothing changed: %s', async (_name, change) => {
  const before = await settingsDoc();
  expect(await call(OWNER, 'updateSettings', change)).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
  expect(await settingsDoc()).toEqual(before);
});
