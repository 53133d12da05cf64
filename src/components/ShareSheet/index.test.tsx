import { act, fireEvent, render, screen } from '@testing-library/react';
import { mockedTaro, resetTaroMock } from '../../test-utils/taro-mock';
import ShareSheet from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());

const Taro = mockedTaro();
const URL = 'http://127.0.0.1:8080/#/pages/product/index?id=p1&s=BOB234&c=chat';
const lastToast = () => (Taro.showToast.mock.calls.at(-1) as [{ title: string }] | undefined)?.[0].title;

beforeEach(() => resetTaroMock());

describe('ShareSheet', () => {
  it('copies the link and says so', async () => {
    render(<ShareSheet url={URL} onClose={jest.fn()} />);
    await act(async () => fireEvent.click(screen.getByText('复制链接')));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: URL });
    expect(lastToast()).toBe('链接已复制');
  });

  it('tells how to copy by hand when the clipboard refuses', async () => {
    Taro.setClipboardData.mockRejectedValueOnce(new Error('denied'));
    render(<ShareSheet url={URL} onClose={jest.fn()} />);
    await act(async () => fireEvent.click(screen.getByText('复制链接')));
    expect(lastToast()).toBe('复制失败，请长按链接手动复制');
  });

  it('shows my note and opens the poster', () => {
    const onPoster = jest.fn();
    render(<ShareSheet url={URL} note="我家常备" onPoster={onPoster} onClose={jest.fn()} />);
    expect(screen.getByText('“我家常备”')).toBeTruthy();
    expect(screen.queryByText(/可以写一句推荐语/)).toBeNull();
    fireEvent.click(screen.getByText('生成海报'));
    expect(onPoster).toHaveBeenCalledTimes(1);
  });

  it('without a note, suggests writing one on the poster page', () => {
    render(<ShareSheet url={URL} onPoster={jest.fn()} onClose={jest.fn()} />);
    expect(screen.queryByText('我的推荐语')).toBeNull();
    expect(screen.getByText('在海报页可以写一句推荐语，卡片和海报都会带上')).toBeTruthy();
  });

  it('has no poster button when no poster can be made', () => {
    render(<ShareSheet url={URL} onClose={jest.fn()} />);
    expect(screen.queryByText('生成海报')).toBeNull();
    expect(screen.queryByText('一键发圈')).toBeNull();
  });

  it('opens 一键发圈', () => {
    const onMoments = jest.fn();
    render(<ShareSheet url={URL} onPoster={jest.fn()} onMoments={onMoments} onClose={jest.fn()} />);
    fireEvent.click(screen.getByText('一键发圈'));
    expect(onMoments).toHaveBeenCalledTimes(1);
  });

  it('closes on 取消 and on the mask', () => {
    const onClose = jest.fn();
    render(<ShareSheet url={URL} onClose={onClose} />);
    fireEvent.click(screen.getByText('取消'));
    fireEvent.click(document.querySelector('.share-sheet__mask')!);
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
