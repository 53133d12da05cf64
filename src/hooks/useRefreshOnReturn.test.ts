import { renderHook } from '@testing-library/react';
import { resetTaroMock, taroPage } from '../test-utils/taro-mock';
import { useRefreshOnReturn } from './useRefreshOnReturn';

jest.mock('@tarojs/taro', () => require('../test-utils/taro-mock').taroMock());

beforeEach(() => resetTaroMock());

describe('useRefreshOnReturn', () => {
  it('leaves the first show to the page’s own load and refreshes on every later one, with the latest refresh', () => {
    const first = jest.fn();
    const latest = jest.fn();
    const { rerender } = renderHook(({ refresh }) => useRefreshOnReturn(refresh), { initialProps: { refresh: first } });
    taroPage.didShow!();
    expect(first).not.toHaveBeenCalled();

    taroPage.didShow!();
    expect(first).toHaveBeenCalledTimes(1);

    rerender({ refresh: latest });
    taroPage.didShow!();
    expect(latest).toHaveBeenCalledTimes(1);
    expect(first).toHaveBeenCalledTimes(1);
  });
});
