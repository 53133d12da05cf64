// 不再看 TA 的推荐 from the trust banner: asked first; once muted, the binding to them (if any) has ended and the page
// is read again (the server then shows no recommendation from them).
import Taro from '@tarojs/taro';
import { commissionApi } from '../../api/commission';
import { useSession } from '../../stores/session';

export async function muteSharer(
  sharer: { nickname: string; shareCode: string } | undefined,
  refresh: () => Promise<void>,
): Promise<void> {
  if (!sharer) return;
  const { confirm } = await Taro.showModal({
    title: '不再看 TA 的推荐',
    content: `不再显示 ${sharer.nickname} 的推荐，也不会因 TA 的分享绑定推荐关系。可在「我的 · 不看推荐的人」恢复。`,
    confirmText: '不再看',
    cancelText: '再想想',
  });
  if (!confirm) return;
  const res = await commissionApi.muteSharer({ shareCode: sharer.shareCode, on: true });
  if (!res.ok) {
    void Taro.showToast({ title: res.error.message, icon: 'none' });
    return;
  }
  const session = useSession.getState();
  if (session.binding?.sharerCode === sharer.shareCode) session.setBinding(null);
  void Taro.showToast({ title: '已不再看 TA 的推荐', icon: 'none' });
  await refresh();
}
