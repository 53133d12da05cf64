import { render } from '@testing-library/react';
import ContactService from './index.weapp';
import { contactFrom } from './types';

// The weapp build's entry is WeChat's own button: what matters is what it hands WeChat, so the button is recorded.
const buttons: Array<Record<string, unknown>> = [];
jest.mock('@tarojs/components', () => ({
  Button: (props: Record<string, unknown>) => {
    buttons.push(props);
    return null;
  },
}));

beforeEach(() => {
  buttons.length = 0;
});

describe('联系客服 (weapp)', () => {
  it('opens WeChat customer service from the product, with its card to send', () => {
    const card = { title: '秦岭土蜂蜜', path: '/pages/product/index?id=honey', img: 'https://x/honey.png' };
    render(<ContactService sessionFrom={contactFrom.product('honey')} card={card} text="客服" />);
    expect(buttons[0]).toMatchObject({
      openType: 'contact',
      sessionFrom: 'product:honey',
      showMessageCard: true,
      sendMessageTitle: '秦岭土蜂蜜',
      sendMessagePath: '/pages/product/index?id=honey',
      sendMessageImg: 'https://x/honey.png',
      children: '客服',
    });
  });

  it('names the order it is about, without a card', () => {
    render(<ContactService sessionFrom={contactFrom.order('YJ7K3M9Q2W4E6R8T1Y')} />);
    expect(buttons[0]).toMatchObject({
      openType: 'contact',
      sessionFrom: 'order:YJ7K3M9Q2W4E6R8T1Y',
      showMessageCard: false,
      children: '联系客服',
    });
  });
});
