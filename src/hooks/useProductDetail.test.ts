import { act, renderHook, waitFor } from '@testing-library/react';
import { shopApi } from '../api/shop';
import { useProductDetail } from './useProductDetail';
import { prefetchProduct } from './productPrefetch';

jest.mock('../api/shop', () => ({ shopApi: { getProduct: jest.fn() } }));
const getProduct = shopApi.getProduct as jest.MockedFunction<typeof shopApi.getProduct>;

const product = {
  id: 'p1',
  title: '五常稻花香大米',
  description: '',
  images: ['/img/rice.png'],
  priceFen: 4990,
  skus: [
    { id: 'k5', spec: '5kg', priceFen: 4990, stock: 3 },
    { id: 'k10', spec: '10kg', priceFen: 8990, stock: 0 },
  ],
  status: 'on_sale' as const,
  categoryIds: [],
};

beforeEach(() => {
  getProduct.mockReset().mockResolvedValue({
    ok: true,
    data: {
      product,
      trust: {},
      reviews: { count: 0, avgRating: null, withPhotos: 0, latest: [], boughtLast30Days: 0 },
      favorited: false,
    },
  });
});

describe('useProductDetail', () => {
  it('starts at the lowest price as a "from" price, and picking a SKU shows its own', async () => {
    const { result } = renderHook(() => useProductDetail({ id: 'p1' }));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current).toMatchObject({ priceFen: 4990, priceIsFrom: true, selectedSku: null });
    act(() => result.current.selectSku('k5'));
    expect(result.current).toMatchObject({ priceFen: 4990, priceIsFrom: false, selectedSku: { id: 'k5' } });
    act(() => result.current.selectSku('k5'));
    expect(result.current.selectedSku).toBeNull();
  });

  it('never picks a sold-out SKU', async () => {
    const { result } = renderHook(() => useProductDetail({ id: 'p1' }));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    act(() => result.current.selectSku('k10'));
    expect(result.current.selectedSku).toBeNull();
    expect(result.current.priceFen).toBe(4990);
  });

  it('is not_found on product.not_found, an error otherwise', async () => {
    getProduct.mockResolvedValueOnce({
      ok: false,
      error: { code: 'product.not_found', message: '商品不存在或已下架' },
    });
    const gone = renderHook(() => useProductDetail({ id: 'p404' }));
    await waitFor(() => expect(gone.result.current.status).toBe('not_found'));

    getProduct.mockResolvedValueOnce({ ok: false, error: { code: 'internal', message: '系统繁忙，请稍后重试' } });
    const broken = renderHook(() => useProductDetail({ id: 'p1' }));
    await waitFor(() => expect(broken.result.current.status).toBe('error'));
    expect(broken.result.current.error?.code).toBe('internal');
  });

  it('uses a request prefetched before the page: settled, it renders at once; pending, it waits for it', async () => {
    prefetchProduct({ id: 'p1' });
    await Promise.resolve();
    await Promise.resolve();
    const first = renderHook(() => useProductDetail({ id: 'p1' }));
    expect(first.result.current.status).toBe('ready');
    expect(first.result.current.detail?.product.title).toBe('五常稻花香大米');
    expect(getProduct).toHaveBeenCalledTimes(1);

    let resolve!: (value: unknown) => void;
    getProduct.mockReturnValueOnce(new Promise((r) => (resolve = r)) as never);
    prefetchProduct({ id: 'p9' });
    const second = renderHook(() => useProductDetail({ id: 'p9' }));
    expect(second.result.current.status).toBe('loading');
    await act(async () => resolve({ ok: false, error: { code: 'product.not_found', message: '商品不存在或已下架' } }));
    expect(second.result.current.status).toBe('not_found');
    expect(getProduct).toHaveBeenCalledTimes(2);
  });
});
