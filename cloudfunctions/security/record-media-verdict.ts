// A photo's verdict from WeChat (the wxa_media_check event) lands on its review; other events are ignored. The
// answer is 'success' whatever the outcome: delivering an event again could not change it.
import type { Database } from '../data/db';
import { recordPhotoVerdict } from '../flows/photo-checks';

export async function recordMediaVerdict(
  db: Database,
  event: Record<string, unknown>,
  now: Date,
): Promise<{ outcome: string }> {
  const result = event.result as { suggest?: unknown; label?: unknown } | undefined;
  if (
    event.Event !== 'wxa_media_check' ||
    typeof event.trace_id !== 'string' ||
    event.trace_id === '' ||
    typeof result?.suggest !== 'string'
  ) {
    return { outcome: 'ignored' };
  }
  const label = typeof result.label === 'number' || typeof result.label === 'string' ? result.label : undefined;
  const outcome = await recordPhotoVerdict(
    db,
    {
      traceId: event.trace_id,
      suggest: result.suggest,
      ...(label !== undefined ? { label } : {}),
      ...(typeof event.FromUserName === 'string' ? { openid: event.FromUserName } : {}),
    },
    now,
  );
  if (outcome === 'unknown') console.error(`wxa_media_check for an unknown trace id ${event.trace_id}`);
  return { outcome };
}
