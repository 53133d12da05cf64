// 再来一单 through the emulator: a buyer's own past order, line by line, at today's price and stock, each `ok`,
// `short`, `sold_out` or `off_sale` (a retired SKU, a product taken off sale); someone else's order reads as an
// unknown one; nothing is reserved or changed.
import { randomUUID } from 'node:crypto';
import { sdkFor } from '../emulator/harness';
import { OWNER, useShop } from './order-kit';

const shop = useShop();

test(
  'each line at today’s price and stock: a price change, a retired SKU, fewer units, none, ' +
    'a product off sale; nothing changes',
  async () => {
    const [kept, retired] = await shop.makeProduct('ba1', [
      { stock: 10, priceFen: 1000 },
      { stock: 10, priceFen: 700 },
    ]);
    const [scarce] = await shop.makeProduct('ba2', [{ stock: 3, priceFen: 2000 }]);
    const [last] = await shop.makeProduct('ba3', [{ stock: 1, priceFen: 300 }]);
    const [withdrawn] = await shop.makeProduct('ba4', [{ stock: 5, priceFen: 900 }]);
    const order = await shop.completed('bob', [{ ...kept, qty: 2 }, retired, { ...scarce, qty: 2 }, last, withdrawn]);

    // The owner raises ba1's first SKU to ¥15.00 and removes its second; takes ba4 off sale.
    const { fileID } = await sdkFor(shop.emu).uploadFile({
      cloudPath: `products/${randomUUID()}.png`,
      fileContent: Buffer.from('\x89PNG fake bytes'),
    });
    const edited = await shop.call(OWNER, 'shop', {
      action: 'saveProduct',
      id: 'ba1',
      requestId: randomUUID(),
      title: '测试商品 ba1（新包装）',
      description: '',
      photos: [fileID],
      skus: [{ id: kept.skuId, spec: '规格1', priceFen: 1500 }],
      commissionRateBp: null,
    });
    expect(edited.ok).toBe(true);
    expect((await shop.call(OWNER, 'shop', { action: 'setSaleStatus', productId: 'ba4', status: 'off_sale' })).ok).toBe(
      true,
    );

    const before = await shop.state();
    const { lines } = await shop.ok('bob', 'buyAgain', { orderId: order.id });
    expect(await shop.state()).toEqual(before);
    const pick = (l: any) => [l.productId, l.skuId, l.qty, l.priceFen, l.paidPriceFen, l.stock, l.status];
    expect(lines.map(pick)).toEqual([
      ['ba1', kept.skuId, 2, 1500, 1000, 8, 'ok'],
      ['ba1', retired.skuId, 1, 0, 700, 0, 'off_sale'],
      ['ba2', scarce.skuId, 2, 2000, 2000, 1, 'short'],
      ['ba3', last.skuId, 1, 300, 300, 0, 'sold_out'],
      ['ba4', withdrawn.skuId, 1, 0, 900, 0, 'off_sale'],
    ]);
    // Today's title where the product is sold; the image is the current cover's thumbnail.
    expect(lines[0]).toMatchObject({ title: '测试商品 ba1（新包装）', spec: '规格1' });
    expect(lines[0].image).toMatch(/\/products\/.*imageMogr2\/thumbnail/);
    expect(lines[3]).toMatchObject({ title: '测试商品 ba3', spec: '规格1', image: '' });

    // Back in stock and on sale again: the same order now buys again whole where it can.
    await shop.call(OWNER, 'shop', { action: 'setSaleStatus', productId: 'ba4', status: 'on_sale' });
    const again = (await shop.ok('bob', 'buyAgain', { orderId: order.id })).lines;
    expect(again.map((l: any) => l.status)).toEqual(['ok', 'off_sale', 'short', 'sold_out', 'ok']);
    // What buyAgain says is ok, quote takes at that price.
    const ok = again.filter((l: any) => l.status === 'ok');
    const quote = await shop.ok('bob', 'quote', {
      items: ok.map((l: any) => ({ productId: l.productId, skuId: l.skuId, qty: l.qty })),
    });
    expect(quote.amounts.goodsFen).toBe(ok.reduce((sum: number, l: any) => sum + l.priceFen * l.qty, 0));
  },
);

test('only the buyer’s own order: another’s or an unknown one is order.not_found; malformed ids refused', async () => {
  const [line] = await shop.makeProduct('ba5', [{ stock: 5 }]);
  const order = await shop.placed('bob', [line]);
  expect((await shop.ok('bob', 'buyAgain', { orderId: order.id })).lines).toHaveLength(1);
  const before = await shop.state();
  expect(await shop.refused('alice', 'buyAgain', { orderId: order.id })).toBe('order.not_found');
  expect(await shop.refused('bob', 'buyAgain', { orderId: `YJ${'0'.repeat(16)}` })).toBe('order.not_found');
  for (const orderId of ['.*', '$where', 'YJ(', 'x'.repeat(10_240), 5, { $ne: null }, [order.id], undefined])
    expect([orderId, await shop.refused('mallory', 'buyAgain', { orderId })]).toEqual([orderId, 'input.invalid']);
  expect(await shop.refused('bob', 'buyAgain', { orderId: order.id, buyerId: 'dev_alice' })).toBe('input.invalid');
  expect(await shop.state()).toEqual(before);
});
