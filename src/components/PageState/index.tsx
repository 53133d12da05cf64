// The loading, empty and error states every page shows in the same way.
import { Text, View } from '@tarojs/components';
import './index.scss';

export interface PageStateProps {
  kind: 'loading' | 'empty' | 'error';
  /** The line under the icon; each kind has a default. */
  message?: string;
  /** A button under the message, e.g. "重新加载" on an error. */
  actionText?: string;
  onAction?: () => void;
}

const DEFAULT_MESSAGE: Record<PageStateProps['kind'], string> = {
  loading: '加载中…',
  empty: '这里还什么都没有',
  error: '加载失败，请稍后重试',
};

export default function PageState({ kind, message, actionText, onAction }: PageStateProps) {
  return (
    <View className={`page-state page-state--${kind}`}>
      {kind === 'loading' ? (
        <View className="page-state__spinner" />
      ) : (
        <View className="page-state__icon">{kind === 'error' ? '!' : '∅'}</View>
      )}
      <Text className="page-state__message">{message ?? DEFAULT_MESSAGE[kind]}</Text>
      {actionText && onAction ? (
        <View className="page-state__action" hoverClass="page-state__action--pressed" onClick={onAction}>
          {actionText}
        </View>
      ) : null}
    </View>
  );
}
