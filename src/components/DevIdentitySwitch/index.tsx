// h5 only: who the local emulator thinks you are, and a switch to act as the demo owner, alice or bob.
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { currentDevIdentity, signInAs } from '../../api/client';
import './index.scss';

export const DEV_IDENTITIES = [
  { as: 'owner', label: '店主 owner' },
  { as: 'alice', label: '会员 alice' },
  { as: 'bob', label: '会员 bob' },
] as const;

/** Who the gateway signs a first-time visitor in as (src/api/client.ts does the same on its first 401). */
export const DEFAULT_DEV_IDENTITY = 'alice';

export interface DevIdentitySwitchProps {
  /** After signing in as someone else: reload so every page and store starts as them. */
  onSwitched?: () => void;
}

function reloadPage() {
  window.location.reload();
}

export default function DevIdentitySwitch({ onSwitched = reloadPage }: DevIdentitySwitchProps) {
  const [as, setAs] = useState<string | null | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [switching, setSwitching] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  const refresh = () => {
    currentDevIdentity()
      .then((who) => setAs(who))
      .catch(() => setAs(null));
  };

  useEffect(() => {
    // A first visit has no dev session yet: sign in as the default now, so the pill tells the truth from the start.
    currentDevIdentity()
      .then(async (who) => {
        if (who) return who;
        await signInAs(DEFAULT_DEV_IDENTITY);
        return DEFAULT_DEV_IDENTITY;
      })
      .then((who) => setAs(who))
      .catch(() => setAs(null));
  }, []);

  const choose = (next: string) => {
    if (next === as) {
      setOpen(false);
      return;
    }
    setSwitching(next);
    setFailed(false);
    signInAs(next)
      .then(() => onSwitched())
      .catch(() => {
        setSwitching(null);
        setFailed(true);
      });
  };

  const label = as === undefined ? '…' : (as ?? '未登录');
  return (
    <View className="dev-switch">
      <View
        className="dev-switch__pill"
        onClick={() => {
          if (!open) refresh();
          setOpen(!open);
        }}
      >
        {`本地模拟 · 当前身份 ${label}`}
      </View>
      {open ? (
        <View className="dev-switch__menu">
          <Text className="dev-switch__hint">切换身份（仅本地模拟）</Text>
          {DEV_IDENTITIES.map((id) => (
            <View
              key={id.as}
              className={id.as === as ? 'dev-switch__item dev-switch__item--current' : 'dev-switch__item'}
              onClick={() => choose(id.as)}
            >
              {switching === id.as ? `${id.label} · 切换中…` : id.label}
            </View>
          ))}
          {failed ? <Text className="dev-switch__error">切换失败，模拟器在运行吗？</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
