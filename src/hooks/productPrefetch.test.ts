import { prefetchFromHash, prefetchProduct, takePrefetchedProduct } from './productPrefetch';
import { shopApi } from '../api/shop';

jest.mock('../api/shop', () => ({ shopApi: { getProduct: jest.fn() } }));
const getProduct = shopApi.getProduct as jest.Mock;

beforeEach(() => getProduct.mockReset().mockResolvedValue({ ok: true, data: { product: { id: 'p1' } } }));

test('a product page URL starts its request once; the page takes it once', async () => {
  prefetchFromHash('#/pages/product/index?id=p1&s=K7M2QX&c=chat');
  prefetchFromHash('#/pages/product/index?id=p1&s=K7M2QX&c=chat');
  expect(getProduct).toHaveBeenCalledTimes(1);
  expect(getProduct).toHaveBeenCalledWith({ id: 'p1', s: 'K7M2QX' });
  const slot = takePrefetchedProduct({ id: 'p1', s: 'K7M2QX' });
  await expect(slot?.promise).resolves.toMatchObject({ ok: true });
  expect(slot?.settled).toMatchObject({ ok: true });
  expect(takePrefetchedProduct({ id: 'p1', s: 'K7M2QX' })).toBeUndefined();
});

test('other routes and invalid links start nothing', () => {
  prefetchFromHash('#/pages/index/index');
  prefetchFromHash('#/pages/product/index?id=../../x');
  prefetchFromHash('');
  expect(getProduct).not.toHaveBeenCalled();
});

test('a different sharer is a different request', () => {
  prefetchProduct({ id: 'p2' });
  prefetchProduct({ id: 'p2', s: 'ABCDEF' });
  expect(getProduct).toHaveBeenCalledTimes(2);
  expect(takePrefetchedProduct({ id: 'p2' })).toBeDefined();
  expect(takePrefetchedProduct({ id: 'p2', s: 'ABCDEF' })).toBeDefined();
});

test('the request index.html started is adopted when it asked for the same product', async () => {
  const answer = { ok: true, data: { product: { id: 'p3' } } };
  prefetchFromHash('#/pages/product/index?id=p3&s=K7M2QX', {
    key: 'p3\u0000K7M2QX',
    result: Promise.resolve(answer as never),
  });
  const slot = takePrefetchedProduct({ id: 'p3', s: 'K7M2QX' });
  await expect(slot?.promise).resolves.toBe(answer);
  expect(getProduct).not.toHaveBeenCalled();
});

test('an inline request for another key is ignored, and a failed one falls back to a normal call', async () => {
  prefetchFromHash('#/pages/product/index?id=p4&s=bad', { key: 'p4\u0000bad', result: Promise.resolve(null) });
  expect(getProduct).toHaveBeenCalledWith({ id: 'p4' }); // the invalid code is dropped, so the keys differ
  prefetchFromHash('#/pages/product/index?id=p5', { key: 'p5\u0000', result: Promise.resolve(null) });
  await expect(takePrefetchedProduct({ id: 'p5' })?.promise).resolves.toMatchObject({ ok: true });
  expect(getProduct).toHaveBeenCalledWith({ id: 'p5' });
});
