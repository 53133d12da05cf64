// 联系客服, weapp: WeChat's own customer service (open-type="contact"), told where the buyer came from and, on a
// product, offering its card to send. Nothing else ships: the product page in the main package uses it.
import { Button } from '@tarojs/components';
import type { ContactServiceProps } from './types';
import './index.weapp.scss';

export default function ContactService({ sessionFrom, card, className, text = '联系客服' }: ContactServiceProps) {
  return (
    <Button
      className={`contact-service ${className ?? ''}`}
      openType="contact"
      sessionFrom={sessionFrom}
      showMessageCard={!!card}
      sendMessageTitle={card?.title}
      sendMessagePath={card?.path}
      sendMessageImg={card?.img}
    >
      {text}
    </Button>
  );
}
