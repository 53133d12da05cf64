// h5's share entry: the link a friend opens (the same product path as a WeChat chat card), ready to copy, the way
// to a poster, and the sharer's own note that goes with both.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './index.scss';

export interface ShareSheetProps {
  url: string;
  /** The line under the title; by default it says the link carries the sharer's recommendation. */
  hint?: string;
  /** The sharer's note on this product, shown on their cards and posters. */
  note?: string;
  /** Opens the poster page; absent when no poster can be made (the product is off sale). */
  onPoster?: () => void;
  /** Opens 一键发圈 (pictures and words for Moments); absent when the product is off sale. */
  onMoments?: () => void;
  onClose: () => void;
}

export default function ShareSheet({ url, hint, note, onPoster, onMoments, onClose }: ShareSheetProps) {
  const copy = () => {
    Taro.setClipboardData({ data: url })
      .then(() => Taro.showToast({ title: '链接已复制', icon: 'success' }))
      .catch(() => Taro.showToast({ title: '复制失败，请长按链接手动复制', icon: 'none' }));
  };
  return (
    <View className="share-sheet" role="dialog" aria-label="分享给朋友">
      <View className="share-sheet__mask" onClick={onClose} />
      <View className="share-sheet__panel">
        <Text className="share-sheet__title">分享给朋友</Text>
        <Text className="share-sheet__hint">{hint ?? '朋友打开这个链接，会看到这是你的推荐'}</Text>
        {note ? (
          <View className="share-sheet__note">
            <Text className="share-sheet__note-label">我的推荐语</Text>
            <Text className="share-sheet__note-text">{`“${note}”`}</Text>
          </View>
        ) : null}
        <Text className="share-sheet__url" userSelect>
          {url}
        </Text>
        <View className="share-sheet__actions">
          {onPoster ? (
            <View className="share-sheet__poster" hoverClass="share-sheet__poster--pressed" onClick={onPoster}>
              生成海报
            </View>
          ) : null}
          {onMoments ? (
            <View className="share-sheet__poster" hoverClass="share-sheet__poster--pressed" onClick={onMoments}>
              一键发圈
            </View>
          ) : null}
          <View className="share-sheet__copy" hoverClass="share-sheet__copy--pressed" onClick={copy}>
            复制链接
          </View>
        </View>
        {onPoster && !note ? (
          <Text className="share-sheet__tip">在海报页可以写一句推荐语，卡片和海报都会带上</Text>
        ) : null}
        <View className="share-sheet__cancel" onClick={onClose}>
          取消
        </View>
      </View>
    </View>
  );
}
