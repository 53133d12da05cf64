// h5's share entry: the link a friend opens (the same product path as a WeChat chat card), ready to copy.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './index.scss';

export interface ShareSheetProps {
  url: string;
  onClose: () => void;
}

export default function ShareSheet({ url, onClose }: ShareSheetProps) {
  const copy = () => {
    Taro.setClipboardData({ data: url })
      .then(() => Taro.showToast({ title: '链接已复制', icon: 'success' }))
      .catch(() => Taro.showToast({ title: '复制失败，请长按链接手动复制', icon: 'none' }));
  };
  return (
    <View className='share-sheet'>
      <View className='share-sheet__mask' onClick={onClose} />
      <View className='share-sheet__panel'>
        <Text className='share-sheet__title'>分享给朋友</Text>
        <Text className='share-sheet__hint'>朋友打开这个链接，会看到这是你的推荐</Text>
        <Text className='share-sheet__url' userSelect>
          {url}
        </Text>
        <View className='share-sheet__copy' hoverClass='share-sheet__copy--pressed' onClick={copy}>
          复制链接
        </View>
        <View className='share-sheet__cancel' onClick={onClose}>
          取消
        </View>
      </View>
    </View>
  );
}
