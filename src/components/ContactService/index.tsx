// 联系客服, h5: WeChat's customer service is not there, so a sheet gives the shop's service phone and WeChat ID
// (店铺设置, through the session) with 复制 and 拨打, or says the shop has set neither. The weapp build uses
// index.weapp.tsx instead.
import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useSession } from '../../stores/session';
import type { ContactServiceProps } from './types';
import './index.scss';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

export default function ContactService({ className, text = '联系客服' }: ContactServiceProps) {
  const [open, setOpen] = useState(false);
  const show = () => {
    setOpen(true);
    void useSession.getState().load();
  };
  return (
    <>
      <View className={`contact-service ${className ?? ''}`} onClick={show}>
        {text}
      </View>
      {open ? <ServiceSheet onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ServiceSheet({ onClose }: { onClose: () => void }) {
  const service = useSession((s) => s.service);
  const status = useSession((s) => s.status);
  const phone = service?.phone ?? '';
  const wechatId = service?.wechatId ?? '';

  const copy = (data: string, what: string) =>
    Taro.setClipboardData({ data })
      .then(() => toast(`${what}已复制`))
      .catch(() => toast('复制失败'));
  const call = () => Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);

  let body: ReactNode;
  if (status !== 'ready' && !service) {
    body = <Text className="contact-sheet__quiet">{status === 'error' ? '加载失败，请稍后重试' : '加载中…'}</Text>;
  } else if (!phone && !wechatId) {
    body = <Text className="contact-sheet__quiet">店主还没有设置客服联系方式</Text>;
  } else {
    body = (
      <>
        {phone ? (
          <View className="contact-sheet__row">
            <Text className="contact-sheet__label">客服电话</Text>
            <Text className="contact-sheet__value">{phone}</Text>
            <Text className="contact-sheet__action" onClick={() => void copy(phone, '电话')}>
              复制
            </Text>
            <Text className="contact-sheet__action contact-sheet__action--primary" onClick={() => void call()}>
              拨打
            </Text>
          </View>
        ) : null}
        {wechatId ? (
          <View className="contact-sheet__row">
            <Text className="contact-sheet__label">客服微信</Text>
            <Text className="contact-sheet__value">{wechatId}</Text>
            <Text className="contact-sheet__action" onClick={() => void copy(wechatId, '微信号')}>
              复制
            </Text>
          </View>
        ) : null}
      </>
    );
  }

  return (
    <View className="contact-sheet" role="dialog" aria-label="联系客服">
      <View className="contact-sheet__mask" onClick={onClose} />
      <View className="contact-sheet__panel">
        <Text className="contact-sheet__title">联系客服</Text>
        {body}
        <View className="contact-sheet__cancel" onClick={onClose}>
          关闭
        </View>
      </View>
    </View>
  );
}
