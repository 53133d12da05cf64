// What an owner page that edits one thing (useLoadAndSave) shows instead of it: 仅店主可以查看 to someone who is not
// (or no longer) an owner, a failed first load with 重新加载, or loading.
import PageState from '../../components/PageState';
import type { ErrorBody } from '../../api/client';
import NotOwner from './NotOwner';

export interface LoadGateProps {
  error: ErrorBody | null;
  reload: () => Promise<void>;
}

export default function LoadGate({ error, reload }: LoadGateProps) {
  if (error?.code === 'auth.not_owner') return <NotOwner />;
  if (error)
    return <PageState kind="error" message={error.message} actionText="重新加载" onAction={() => void reload()} />;
  return <PageState kind="loading" />;
}
