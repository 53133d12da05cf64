import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { currentDevIdentity, signInAs } from '../../api/client';
import DevIdentitySwitch from './index';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { eventCenter: { on: jest.fn(), off: jest.fn(), trigger: jest.fn() } },
}));
jest.mock('../../api/client', () => ({ currentDevIdentity: jest.fn(), signInAs: jest.fn() }));
const current = currentDevIdentity as jest.MockedFunction<typeof currentDevIdentity>;
const signIn = signInAs as jest.MockedFunction<typeof signInAs>;

beforeEach(() => {
  current.mockReset();
  signIn.mockReset();
});

describe('DevIdentitySwitch', () => {
  it('shows who the emulator thinks I am', async () => {
    current.mockResolvedValue('alice');
    render(<DevIdentitySwitch onSwitched={jest.fn()} />);
    expect(await screen.findByText('本地模拟 · 当前身份 alice')).toBeTruthy();
  });

  it('on a first visit (no dev session) signs in as alice, as the gateway would', async () => {
    current.mockResolvedValue(null);
    signIn.mockResolvedValue();
    render(<DevIdentitySwitch onSwitched={jest.fn()} />);
    expect(await screen.findByText('本地模拟 · 当前身份 alice')).toBeTruthy();
    expect(signIn).toHaveBeenCalledWith('alice');
  });

  it('signs in as the chosen identity and then reloads', async () => {
    current.mockResolvedValue('alice');
    signIn.mockResolvedValue();
    const onSwitched = jest.fn();
    render(<DevIdentitySwitch onSwitched={onSwitched} />);
    const pill = await screen.findByText('本地模拟 · 当前身份 alice');
    // Opening the menu asks the emulator again; let that answer land.
    await act(async () => void fireEvent.click(pill));
    expect(screen.getByText('店主 owner')).toBeTruthy();
    expect(screen.getByText('会员 bob')).toBeTruthy();
    fireEvent.click(screen.getByText('会员 bob'));
    expect(signIn).toHaveBeenCalledWith('bob');
    await waitFor(() => expect(onSwitched).toHaveBeenCalledTimes(1));
  });

  it('choosing the current identity only closes the menu', async () => {
    current.mockResolvedValue('alice');
    render(<DevIdentitySwitch onSwitched={jest.fn()} />);
    const pill = await screen.findByText('本地模拟 · 当前身份 alice');
    // Opening the menu asks the emulator again; let that answer land.
    await act(async () => void fireEvent.click(pill));
    fireEvent.click(screen.getByText('会员 alice'));
    expect(signIn).not.toHaveBeenCalled();
    expect(screen.queryByText('店主 owner')).toBeNull();
  });
});
