import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { shopApi } from '../../api/shop';
import { uploadFile } from '../../api/storage';
import { useSession } from '../../stores/session';
import { OWNER_USER } from '../../test-utils/fixtures';
import type { OwnerMaterial } from '../../../cloudfunctions/contracts/shop';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import { draftProblem, saveInput } from './form';
import OwnerMaterialPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/shop', () => ({
  shopApi: { ownerMaterial: jest.fn(), saveMaterial: jest.fn(), session: jest.fn() },
}));
jest.mock('../../api/storage', () => ({ ...jest.requireActual('../../api/storage'), uploadFile: jest.fn() }));

const Taro = mockedTaro();
const api = {
  ownerMaterial: shopApi.ownerMaterial as jest.MockedFunction<typeof shopApi.ownerMaterial>,
  saveMaterial: shopApi.saveMaterial as jest.MockedFunction<typeof shopApi.saveMaterial>,
  session: shopApi.session as jest.MockedFunction<typeof shopApi.session>,
};
const upload = uploadFile as jest.MockedFunction<typeof uploadFile>;
const ok = <T,>(data: T) => ({ ok: true as const, data });

const material = (over: Partial<OwnerMaterial> = {}): { material: OwnerMaterial } => ({
  material: { productId: 'p1', texts: [], images: [], updatedAt: null, ...over },
});
const IMAGE = { fileId: 'cloud://env.b/products/dev_owner/a.png', url: 'https://t/a.png' };

beforeEach(() => {
  resetTaroMock();
  taroPage.params = { id: 'p1' };
  api.session
    .mockReset()
    .mockResolvedValue(ok({ user: OWNER_USER, binding: null, service: { phone: '', wechatId: '' } }));
  useSession.setState({ user: null, binding: null, status: 'idle', error: null });
  api.ownerMaterial.mockReset().mockResolvedValue(ok(material()));
  api.saveMaterial.mockReset();
  upload.mockReset();
  delete process.env.TARO_ENV;
});

const boxes = () => Array.from(document.querySelectorAll('textarea'));
async function typeText(i: number, value: string) {
  const box = await waitFor(() => {
    const el = boxes()[i];
    if (!el) throw new Error(`no text box ${i + 1}`);
    return el;
  });
  fireEvent.input(box, { target: { value } });
}
const press = async (text: string) => act(async () => fireEvent.click(screen.getByText(text)));

describe('朋友圈素材 editor', () => {
  it('writes up to 3 texts with counters and saves them with the images', async () => {
    api.ownerMaterial.mockResolvedValueOnce(ok(material({ texts: ['旧文案'], images: [IMAGE] })));
    render(<OwnerMaterialPage />);
    await screen.findByText('3/500');
    expect(api.ownerMaterial).toHaveBeenCalledWith({ productId: 'p1' });
    expect(screen.getByText('图片 1/9')).toBeTruthy();
    await press('+ 再写一段');
    await typeText(1, '  第二段文案  ');
    expect(screen.getByText('5/500')).toBeTruthy();
    expect(screen.getByText('文案 2')).toBeTruthy();
    await press('+ 再写一段');
    expect(screen.queryByText('+ 再写一段')).toBeNull(); // 3 at most

    const saved = material({ texts: ['旧文案', '第二段文案'], images: [IMAGE], updatedAt: '2026-12-03T00:00:00.000Z' });
    api.saveMaterial.mockResolvedValueOnce(ok(saved));
    await press('保存素材');
    // The empty third box is left out.
    expect(api.saveMaterial).toHaveBeenCalledWith({
      productId: 'p1',
      texts: ['旧文案', '第二段文案'],
      images: [IMAGE.fileId],
    });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '素材已保存', icon: 'success' });
    await waitFor(() => expect(boxes()).toHaveLength(2));
  });

  it('refuses here what the server would refuse: no words, over 500 characters', async () => {
    render(<OwnerMaterialPage />);
    await screen.findByText('0/500');
    await press('保存素材');
    expect(screen.getByText('请至少写一段文案')).toBeTruthy();
    await typeText(0, '字'.repeat(501));
    expect(screen.getByText('501/500')).toBeTruthy();
    await press('保存素材');
    expect(screen.getByText('文案 1 超过 500 字')).toBeTruthy();
    expect(api.saveMaterial).not.toHaveBeenCalled();
  });

  it('shows the server’s coded refusal as it words it', async () => {
    render(<OwnerMaterialPage />);
    await typeText(0, '加微信私聊');
    api.saveMaterial.mockResolvedValueOnce({
      ok: false,
      error: { code: 'content.risky', message: '内容含有违规信息，请修改后再提交' },
    });
    await press('保存素材');
    expect(screen.getByText('内容含有违规信息，请修改后再提交')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '内容含有违规信息，请修改后再提交', icon: 'none' });
  });

  it('uploads picked images into the owner’s products/ folder with progress, and removes one', async () => {
    Taro.chooseImage.mockResolvedValueOnce({ tempFilePaths: ['blob:1', 'blob:2'] });
    let finish: (v: Awaited<ReturnType<typeof uploadFile>>) => void = () => undefined;
    upload
      .mockReturnValueOnce(new Promise((resolve) => (finish = resolve)))
      .mockResolvedValueOnce({ ok: true, data: { fileID: 'cloud://env.b/products/dev_owner/2.png' } });
    render(<OwnerMaterialPage />);
    await screen.findByText('+ 添加图片');
    await press('+ 添加图片');
    expect(Taro.chooseImage).toHaveBeenCalledWith(expect.objectContaining({ count: 9 }));
    await screen.findByText('上传中 1/2');
    expect(upload).toHaveBeenCalledWith(expect.stringMatching(/^products\/dev_owner\//), 'blob:1');
    await act(async () => finish({ ok: true, data: { fileID: 'cloud://env.b/products/dev_owner/1.png' } }));
    await screen.findByText('图片 2/9');
    fireEvent.click(screen.getAllByLabelText('删除图片')[0]);
    expect(screen.getByText('图片 1/9')).toBeTruthy();
    await typeText(0, '好');
    api.saveMaterial.mockResolvedValueOnce(ok(material()));
    await press('保存素材');
    expect(api.saveMaterial).toHaveBeenCalledWith({
      productId: 'p1',
      texts: ['好'],
      images: ['cloud://env.b/products/dev_owner/2.png'],
    });
  });

  it('a failed load offers a retry', async () => {
    api.ownerMaterial.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    render(<OwnerMaterialPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    await press('重新加载');
    await screen.findByText('保存素材');
  });
});

describe('the form', () => {
  it('checks as the schema does and sends the texts that show something', () => {
    expect(draftProblem({ texts: ['  '], images: [] })).toBe('请至少写一段文案');
    expect(draftProblem({ texts: ['好', ''], images: [] })).toBeNull();
    expect(draftProblem({ texts: ['好'], images: Array.from({ length: 10 }, () => IMAGE) })).toBe('图片最多 9 张');
    expect(saveInput('p1', { texts: [' a ', '  ', 'b'], images: [IMAGE] })).toEqual({
      productId: 'p1',
      texts: ['a', 'b'],
      images: [IMAGE.fileId],
    });
  });
});
