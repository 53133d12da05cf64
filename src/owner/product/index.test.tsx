import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { shopApi } from '../../api/shop';
import { uploadFile } from '../../api/storage';
import { useSession } from '../../stores/session';
import { OWNER_USER } from '../../test-utils/fixtures';
import type { OwnerProductDetail, ShopSettings, StockEntry } from '../../../cloudfunctions/contracts/shop';
import { deferred } from '../../test-utils/deferred';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import { typeInto } from '../shared/test-fields';
import ProductEditorPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/shop', () => ({
  shopApi: {
    session: jest.fn(),
    ownerProduct: jest.fn(),
    settings: jest.fn(),
    saveProduct: jest.fn(),
    setStock: jest.fn(),
    setSaleStatus: jest.fn(),
    categories: jest.fn(),
    stockLedger: jest.fn(),
  },
}));
jest.mock('../../api/storage', () => ({
  uploadFile: jest.fn(),
  cloudPathFor: (folder: string, p: string) => `${folder}/${p.split('/').pop()}`,
}));

// APIs this page calls that the shared mock does not carry.
const Taro = Object.assign(mockedTaro(), {
  chooseMedia: jest.fn(),
  setNavigationBarTitle: jest.fn(() => Promise.resolve()),
});
const api = shopApi as unknown as Record<keyof typeof shopApi, jest.Mock>;
const upload = uploadFile as jest.Mock;
const ok = <T,>(data: T) => ({ ok: true as const, data });
const refused = (code: string, message: string) => ({ ok: false as const, error: { code, message } });

const settings = { shopName: '友荐小店', rules: { commissionRateBp: 500 }, owners: [] } as unknown as ShopSettings;
const honey = (extra: Partial<OwnerProductDetail> = {}): OwnerProductDetail => ({
  id: 'honey',
  title: '秦岭土蜂蜜',
  description: '农家自产',
  photos: [{ fileId: 'cloud://env.b/products/h1.jpg', url: 'https://img/h1.jpg' }],
  skus: [
    { id: 's1', spec: '500g', priceFen: 6800, stock: 7 },
    { id: 's2', spec: '1kg', priceFen: 12000, stock: 2 },
  ],
  commissionRateBp: null,
  defaultCommissionRateBp: 500,
  status: 'on_sale',
  categoryIds: [],
  ...extra,
});
const entry = (id: string, extra: Partial<StockEntry> = {}): StockEntry => ({
  id,
  skuId: 's1',
  spec: '500g',
  delta: 20,
  stockAfter: 20,
  reason: '到货入库',
  by: '店主',
  at: '2026-11-23T06:05:00.000Z',
  ...extra,
});
const ledgerPage = (items: StockEntry[], nextCursor: string | null = null) => ok({ items, nextCursor });

/** One SKU row, by its place in the list. */
const skuRow = (n: number) => screen.getByLabelText(`规格 ${n}`);

/**
 * Types into the field with this placeholder inside `scope` (Taro's web Input renders its native field a moment later).
 */
async function typeIn(scope: HTMLElement, placeholder: string, value: string) {
  const input = await waitFor(() => {
    const el = scope.querySelector<HTMLInputElement>(`input[placeholder="${placeholder}"]`);
    if (!el) throw new Error(`no field "${placeholder}"`);
    return el;
  });
  fireEvent.input(input, { target: { value } });
}

const tap = (text: string) => act(async () => void fireEvent.click(screen.getByText(text)));

async function openNew() {
  api.settings.mockResolvedValueOnce(ok(settings));
  render(<ProductEditorPage />);
  await screen.findByText('使用店铺默认佣金（5%）');
}

async function openExisting(product = honey()) {
  taroPage.params = { id: product.id };
  api.ownerProduct.mockResolvedValueOnce(ok(product));
  render(<ProductEditorPage />);
  await screen.findByText('销售状态');
}

beforeEach(() => {
  resetTaroMock();
  delete process.env.TARO_ENV;
  for (const mock of Object.values(api)) mock.mockReset();
  api.stockLedger.mockResolvedValue(ledgerPage([]));
  api.categories.mockResolvedValue(ok({ items: [] }));
  api.session.mockResolvedValue(ok({ user: OWNER_USER, binding: null }));
  useSession.setState({ user: null, binding: null, status: 'idle', error: null });
  upload.mockReset();
});

describe('新建商品', () => {
  it('creates a product with a photo and two SKUs, retries with the same requestId after a network error', async () => {
    await openNew();
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '新建商品' });
    expect(api.ownerProduct).not.toHaveBeenCalled();

    Taro.chooseImage.mockResolvedValueOnce({ tempFilePaths: ['blob:h5/1.jpg'] });
    upload.mockResolvedValueOnce(ok({ fileID: 'cloud://env.b/products/1.jpg' }));
    await tap('添加图片');
    expect(Taro.chooseImage).toHaveBeenCalledWith(expect.objectContaining({ count: 9, sizeType: ['compressed'] }));
    // Under the owner's own folder: the storage rule lets an uploader write nowhere else.
    expect(upload).toHaveBeenCalledWith('products/dev_owner/1.jpg', 'blob:h5/1.jpg');
    expect(screen.getByText('商品图片 1/9')).toBeTruthy();
    expect(screen.getByText('封面')).toBeTruthy();

    await typeInto('商品标题', ' 秦岭土蜂蜜 ');
    expect(screen.getByText('5/60')).toBeTruthy();
    await typeIn(skuRow(1), '规格名称', '500g');
    await typeIn(skuRow(1), '价格（元）', '68.8');
    await typeIn(skuRow(1), '初始库存', '20');
    fireEvent.click(screen.getByText('添加规格'));
    await typeIn(skuRow(2), '规格名称', '1kg 礼盒');
    await typeIn(skuRow(2), '价格（元）', '129');

    api.saveProduct.mockResolvedValueOnce(refused('network', '网络异常，请稍后重试'));
    await tap('保存并上架');
    expect(screen.getByText('网络异常，请稍后重试')).toBeTruthy();
    expect(Taro.redirectTo).not.toHaveBeenCalled();

    api.saveProduct.mockResolvedValueOnce(ok({ product: honey({ id: 'p9' }) }));
    await tap('保存并上架');
    const [first, retry] = api.saveProduct.mock.calls.map(([input]) => input);
    expect(first).toEqual({
      requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      title: '秦岭土蜂蜜',
      description: '',
      photos: ['cloud://env.b/products/1.jpg'],
      skus: [
        { spec: '500g', priceFen: 6880, initialStock: 20 },
        { spec: '1kg 礼盒', priceFen: 12900 },
      ],
      commissionRateBp: null,
      categoryIds: [],
      status: 'on_sale',
    });
    expect(retry).toEqual(first);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/owner/product/index?id=p9' });
  });

  it('保存为下架 with its own commission rate; a refusal is shown and the next attempt is a new request', async () => {
    await openNew();
    Taro.chooseImage.mockResolvedValueOnce({ tempFilePaths: ['blob:h5/1.jpg'] });
    upload.mockResolvedValueOnce(ok({ fileID: 'cloud://env.b/products/1.jpg' }));
    await tap('添加图片');
    await typeInto('商品标题', '红茶');
    await typeIn(skuRow(1), '规格名称', '200g');
    await typeIn(skuRow(1), '价格（元）', '99');

    fireEvent.click(screen.getByLabelText('使用店铺默认佣金'));
    expect(screen.getByLabelText('使用店铺默认佣金').getAttribute('aria-checked')).toBe('false');
    await typeInto('佣金比例', '8.5');

    api.saveProduct.mockResolvedValueOnce(refused('product.photo_missing', '有图片没有上传成功，请删除后重新上传'));
    await tap('保存为下架');
    expect(screen.getByText('有图片没有上传成功，请删除后重新上传')).toBeTruthy();
    expect(api.saveProduct).toHaveBeenLastCalledWith(
      expect.objectContaining({ commissionRateBp: 850, status: 'off_sale', skus: [{ spec: '200g', priceFen: 9900 }] }),
    );

    api.saveProduct.mockResolvedValueOnce(ok({ product: honey({ id: 'p10', status: 'off_sale' }) }));
    await tap('保存为下架');
    const [first, second] = api.saveProduct.mock.calls.map(([input]) => input.requestId);
    expect(second).not.toBe(first);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/owner/product/index?id=p10' });
  });

  it('checks the form before sending: what is missing is said, nothing is sent', async () => {
    await openNew();
    await tap('保存并上架');
    expect(screen.getByText('请填写商品标题')).toBeTruthy();
    await typeInto('商品标题', '红茶');
    await tap('保存并上架');
    expect(screen.getByText('请至少添加一张商品图片')).toBeTruthy();

    Taro.chooseImage.mockResolvedValueOnce({ tempFilePaths: ['blob:h5/1.jpg'] });
    upload.mockResolvedValueOnce(ok({ fileID: 'cloud://env.b/products/1.jpg' }));
    await tap('添加图片');
    await typeIn(skuRow(1), '规格名称', '200g');
    await typeIn(skuRow(1), '价格（元）', '12.345');
    await tap('保存并上架');
    expect(screen.getByText('第 1 个规格：价格最多两位小数')).toBeTruthy();
    await typeIn(skuRow(1), '价格（元）', '0');
    await tap('保存并上架');
    expect(screen.getByText('第 1 个规格：价格需大于 0')).toBeTruthy();
    expect(api.saveProduct).not.toHaveBeenCalled();
  });

  it('weapp: photos from chooseMedia upload one by one with progress; any can become the cover or go', async () => {
    process.env.TARO_ENV = 'weapp';
    await openNew();
    Taro.chooseMedia.mockResolvedValueOnce({
      tempFiles: [
        { tempFilePath: 'wxfile://a.jpg' },
        { tempFilePath: 'wxfile://b.jpg' },
        { tempFilePath: 'wxfile://c.jpg' },
      ],
    });
    const second = deferred<unknown>();
    upload
      .mockResolvedValueOnce(ok({ fileID: 'cloud://env.b/products/a.jpg' }))
      .mockReturnValueOnce(second.promise)
      .mockResolvedValueOnce(ok({ fileID: 'cloud://env.b/products/c.jpg' }));
    await tap('添加图片');
    expect(Taro.chooseMedia).toHaveBeenCalledWith(
      expect.objectContaining({ count: 9, mediaType: ['image'], sizeType: ['compressed'] }),
    );
    expect(Taro.chooseImage).not.toHaveBeenCalled();
    expect(screen.getByText('上传中 2/3')).toBeTruthy();
    await tap('保存并上架');
    expect(screen.getByText('图片上传中，请稍候')).toBeTruthy();
    await act(async () => second.resolve(ok({ fileID: 'cloud://env.b/products/b.jpg' })));
    expect(screen.getByText('商品图片 3/9')).toBeTruthy();
    expect(screen.getByText('添加图片')).toBeTruthy();

    fireEvent.click(screen.getAllByText('设为封面')[1]); // c
    fireEvent.click(screen.getAllByLabelText('删除图片')[2]); // b
    await typeInto('商品标题', '红茶');
    await typeIn(skuRow(1), '规格名称', '200g');
    await typeIn(skuRow(1), '价格（元）', '99');
    api.saveProduct.mockResolvedValueOnce(ok({ product: honey({ id: 'p11' }) }));
    await tap('保存并上架');
    expect(api.saveProduct).toHaveBeenCalledWith(
      expect.objectContaining({ photos: ['cloud://env.b/products/c.jpg', 'cloud://env.b/products/a.jpg'] }),
    );
  });

  it('a failed upload keeps the photos already uploaded and says so', async () => {
    await openNew();
    Taro.chooseImage.mockResolvedValueOnce({ tempFilePaths: ['blob:h5/1.jpg', 'blob:h5/2.jpg'] });
    upload
      .mockResolvedValueOnce(ok({ fileID: 'cloud://env.b/products/1.jpg' }))
      .mockResolvedValueOnce(refused('upload.failed', '图片上传失败，请重试'));
    await tap('添加图片');
    expect(screen.getByText('商品图片 1/9')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '图片上传失败，请重试', icon: 'none' });
  });

  it('a member who is not the owner is told so', async () => {
    api.settings.mockResolvedValueOnce(refused('auth.not_owner', '仅店主可以操作'));
    render(<ProductEditorPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
    expect(screen.queryByText('保存并上架')).toBeNull();
  });
});

describe('编辑商品', () => {
  it('shows the product as saved: prices in yuan, stock per SKU, the default rate, its status', async () => {
    await openExisting(honey({ commissionRateBp: 725 }));
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '编辑商品' });
    expect(api.ownerProduct).toHaveBeenCalledWith({ id: 'honey' });
    expect(api.settings).not.toHaveBeenCalled();
    // Taro's web Input renders its native field a moment later: wait until it is there with its value.
    await waitFor(() =>
      expect(skuRow(1).querySelector<HTMLInputElement>('input[placeholder="价格（元）"]')?.value).toBe('68.00'),
    );
    expect(within(skuRow(1)).getByText('库存 7')).toBeTruthy();
    expect(skuRow(1).querySelector('input[placeholder="初始库存"]')).toBeNull();
    expect(screen.getByLabelText('使用店铺默认佣金').getAttribute('aria-checked')).toBe('false');
    await waitFor(() =>
      expect(document.querySelector<HTMLInputElement>('input[placeholder="佣金比例"]')?.value).toBe('7.25'),
    );
    expect(screen.getByText('在售')).toBeTruthy();
    expect(screen.queryByText('保存并上架')).toBeNull();
  });

  it('removes an existing SKU only after the owner confirms; the save leaves it out and sends no status', async () => {
    await openExisting();
    taroPage.confirm = false;
    await act(async () => fireEvent.click(within(skuRow(2)).getByText('删除')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '删除规格', content: expect.stringContaining('「1kg」') }),
    );
    expect(within(skuRow(2)).getByText('库存 2')).toBeTruthy();

    taroPage.confirm = true;
    await act(async () => fireEvent.click(within(skuRow(2)).getByText('删除')));
    expect(screen.queryByLabelText('规格 2')).toBeNull();

    // A new row goes without asking.
    fireEvent.click(screen.getByText('添加规格'));
    const asked = Taro.showModal.mock.calls.length;
    await act(async () => fireEvent.click(within(skuRow(2)).getByText('删除')));
    expect(Taro.showModal).toHaveBeenCalledTimes(asked);

    await typeIn(skuRow(1), '价格（元）', '72');
    const saved = honey({ skus: [{ id: 's1', spec: '500g', priceFen: 7200, stock: 7 }] });
    api.saveProduct.mockResolvedValueOnce(ok({ product: saved }));
    await tap('保存');
    expect(api.saveProduct).toHaveBeenCalledWith({
      id: 'honey',
      requestId: expect.any(String),
      title: '秦岭土蜂蜜',
      description: '农家自产',
      photos: ['cloud://env.b/products/h1.jpg'],
      skus: [{ id: 's1', spec: '500g', priceFen: 7200 }],
      commissionRateBp: null,
      categoryIds: [],
    });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' });
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    // The ledger reads again: the save may have added to it.
    await waitFor(() => expect(api.stockLedger).toHaveBeenCalledTimes(2));
  });

  it('下架 asks first, then takes it off sale', async () => {
    await openExisting();
    taroPage.confirm = false;
    await tap('下架');
    expect(api.setSaleStatus).not.toHaveBeenCalled();
    taroPage.confirm = true;
    api.setSaleStatus.mockResolvedValueOnce(ok({ id: 'honey', status: 'off_sale' }));
    await tap('下架');
    expect(api.setSaleStatus).toHaveBeenCalledWith({ productId: 'honey', status: 'off_sale' });
    expect(screen.getByText('已下架')).toBeTruthy();
    expect(screen.getByText('上架')).toBeTruthy();
  });

  it('not found: the message and a retry', async () => {
    taroPage.params = { id: 'gone' };
    api.ownerProduct.mockResolvedValueOnce(refused('product.not_found', '商品不存在或已下架'));
    render(<ProductEditorPage />);
    expect(await screen.findByText('商品不存在或已下架')).toBeTruthy();
    api.ownerProduct.mockResolvedValueOnce(ok(honey({ id: 'gone' })));
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('销售状态')).toBeTruthy();
  });
});

describe('调整库存', () => {
  it(
    '减少 sends a negative delta with the reason; ' +
      'a refusal stays in the sheet, a success updates the stock and the ledger',
    async () => {
      await openExisting();
      fireEvent.click(within(skuRow(1)).getByText('调整库存'));
      expect(screen.getByText('调整库存 · 500g')).toBeTruthy();
      expect(screen.getByText('当前库存 7')).toBeTruthy();
      fireEvent.click(screen.getByText('减少'));
      await typeInto('调整数量', '3');
      expect(screen.getByText('调整后库存 4')).toBeTruthy();
      fireEvent.click(screen.getByText('损耗报废'));

      // Someone bought meanwhile: the server has less than the sheet shows.
      api.setStock.mockResolvedValueOnce(refused('stock.below_zero', '库存不足，不能扣减到 0 以下'));
      await tap('确认调整');
      expect(api.setStock).toHaveBeenCalledWith({
        productId: 'honey',
        skuId: 's1',
        requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        delta: -3,
        reason: '损耗报废',
      });
      expect(screen.getByText('库存不足，不能扣减到 0 以下')).toBeTruthy();
      expect(screen.getByText('调整库存 · 500g')).toBeTruthy();

      await typeInto('调整数量', '1');
      api.setStock.mockResolvedValueOnce(refused('network', '网络异常，请稍后重试'));
      await tap('确认调整');
      api.setStock.mockResolvedValueOnce(
        ok({
          sku: { id: 's1', spec: '500g', priceFen: 6800, stock: 5 },
          entry: entry('e9', { delta: -1, stockAfter: 5, reason: '损耗报废' }),
        }),
      );
      api.stockLedger.mockResolvedValueOnce(
        ledgerPage([entry('e9', { delta: -1, stockAfter: 5, reason: '损耗报废' })]),
      );
      await tap('确认调整');
      const ids = api.setStock.mock.calls.map(([input]) => input.requestId);
      expect(ids[1]).not.toBe(ids[0]); // a refusal changed nothing: the corrected change is a new request
      expect(ids[2]).toBe(ids[1]); // the answer was lost: the retry must not remove twice
      expect(api.setStock).toHaveBeenLastCalledWith(expect.objectContaining({ delta: -1 }));

      expect(screen.queryByText('调整库存 · 500g')).toBeNull();
      expect(within(skuRow(1)).getByText('库存 5')).toBeTruthy();
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '库存已更新', icon: 'success' });
      expect(await screen.findByText('−1')).toBeTruthy();
    },
  );

  it('checks the amount and the reason before sending', async () => {
    await openExisting();
    fireEvent.click(within(skuRow(2)).getByText('调整库存'));
    fireEvent.click(screen.getByText('减少'));
    await typeInto('调整数量', '5');
    await tap('确认调整');
    expect(screen.getByText('库存只有 2 件，最多减少 2 件')).toBeTruthy();
    fireEvent.click(screen.getByText('增加'));
    await tap('确认调整');
    expect(screen.getByText('请选择或填写调整原因')).toBeTruthy();
    await typeInto('选一个常用原因，或写下其他原因', ' 退货入库 ');
    api.setStock.mockResolvedValueOnce(
      ok({ sku: { id: 's2', spec: '1kg', priceFen: 12000, stock: 7 }, entry: entry('e1') }),
    );
    await tap('确认调整');
    expect(api.setStock).toHaveBeenCalledWith(expect.objectContaining({ skuId: 's2', delta: 5, reason: '退货入库' }));
  });
});

describe('库存记录', () => {
  it('lists the changes newest first and reads on with 加载更多', async () => {
    api.stockLedger
      .mockResolvedValueOnce(
        ledgerPage([entry('e2', { delta: -3, stockAfter: 17, reason: '损耗报废', by: '小王' }), entry('e1')], 'c1'),
      )
      .mockResolvedValueOnce(ledgerPage([entry('e0', { spec: '1kg', delta: 2, stockAfter: 2, reason: '盘点修正' })]));
    await openExisting();
    expect(await screen.findByText('−3')).toBeTruthy();
    expect(api.stockLedger).toHaveBeenCalledWith({ productId: 'honey', limit: 20 });
    expect(screen.getByText('余 17')).toBeTruthy();
    expect(screen.getByText('+20')).toBeTruthy();
    expect(screen.getByText(/^损耗报废 · 小王 · (\d{4}年)?11月23日 \d\d:05$/)).toBeTruthy();

    await tap('加载更多');
    expect(api.stockLedger).toHaveBeenLastCalledWith({ productId: 'honey', cursor: 'c1', limit: 20 });
    expect(await screen.findByText('余 2')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });
});

describe('the product’s categories', () => {
  const cats = [
    { id: 'c1', name: '茶叶', sort: 10 },
    { id: 'c2', name: '粮油', sort: 20 },
    { id: 'c3', name: '蜂蜜', sort: 30 },
  ];
  const chip = (name: string) => screen.getByRole('checkbox', { name });

  it('shows the product’s categories picked, and saves the ones the owner picks', async () => {
    api.categories.mockResolvedValue(ok({ items: cats }));
    await openExisting(honey({ categoryIds: ['c3'] }));
    await screen.findByText('茶叶');
    expect(chip('蜂蜜').getAttribute('aria-checked')).toBe('true');
    expect(chip('茶叶').getAttribute('aria-checked')).toBe('false');

    fireEvent.click(chip('茶叶'));
    fireEvent.click(chip('蜂蜜'));
    expect(chip('茶叶').getAttribute('aria-checked')).toBe('true');
    expect(chip('蜂蜜').getAttribute('aria-checked')).toBe('false');
    api.saveProduct.mockResolvedValueOnce(ok({ product: honey({ categoryIds: ['c1'] }) }));
    await tap('保存');
    expect(api.saveProduct).toHaveBeenCalledWith(expect.objectContaining({ id: 'honey', categoryIds: ['c1'] }));
  });

  it('lets a product be in at most 5 categories', async () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ id: `k${i}`, name: `分类${i}`, sort: i }));
    api.categories.mockResolvedValue(ok({ items: many }));
    await openExisting(honey({ categoryIds: ['k0', 'k1', 'k2', 'k3', 'k4'] }));
    await screen.findByText('分类5');
    fireEvent.click(chip('分类5'));
    expect(chip('分类5').getAttribute('aria-checked')).toBe('false');
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '最多选 5 个分类', icon: 'none' });
  });

  it('offers the way to 商品分类 when the shop has none', async () => {
    await openExisting();
    fireEvent.click(await screen.findByText('店里还没有分类，去添加 ›'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/categories/index' });
  });
});
