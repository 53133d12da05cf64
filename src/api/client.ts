// The one caller of cloud functions. weapp: Taro.cloud.callFunction; h5: the local emulator's gateway
// `POST /api/functions/<name>` (same-origin, identity from the dev session cookie). Either way the function
// answers `{ ok, data | error }`, unpacked here into a typed result; nothing else in src/ sees the wire.
import Taro from '@tarojs/taro';
import type { ErrorBody, Result } from '../../cloudfunctions/contracts/errors';

export type { Result, ErrorBody };

const NETWORK: ErrorBody = { code: 'network', message: '网络异常，请稍后重试' };

export async function callFunction<T>(name: string, action: string, input: object = {}): Promise<Result<T>> {
  try {
    const result =
      process.env.TARO_ENV === 'h5'
        ? await viaGateway(name, { action, ...input })
        : await viaCloud(name, { action, ...input });
    if (isResult<T>(result)) return result;
    return { ok: false, error: { code: 'internal', message: '系统繁忙，请稍后重试' } };
  } catch {
    return { ok: false, error: NETWORK };
  }
}

async function viaCloud(name: string, data: object): Promise<unknown> {
  const res = await Taro.cloud.callFunction({ name, data: data as Record<string, unknown> });
  return res.result;
}

/** The local gateway; without a dev session it signs in as alice once and retries (see DevIdentitySwitch). */
async function viaGateway(name: string, data: object, retried = false): Promise<unknown> {
  const res = await fetch(`/api/functions/${encodeURIComponent(name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
  if (res.status === 401 && !retried) {
    await signInAs('alice');
    return viaGateway(name, data, true);
  }
  const body = (await res.json()) as { result?: unknown };
  if (!res.ok) throw new Error(`gateway ${res.status}`);
  return body.result;
}

/**
 * A cloudID of open data (e.g. a group chat's), as a top-level field of a call's data: weapp `cloud.CloudID`, which
 * CloudBase replaces with the open data in the function's event; h5 the local gateway's marker for the same.
 */
export function cloudIdField(cloudID: string): unknown {
  return process.env.TARO_ENV === 'h5' ? { $cloudID: cloudID } : Taro.cloud.CloudID(cloudID);
}

/** h5 only: act as another dev identity (owner, alice, bob) on the local emulator. */
export async function signInAs(as: string): Promise<void> {
  const res = await fetch('/__dev/session', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ as }),
  });
  if (!res.ok) throw new Error(`dev session ${res.status}`);
}

/** h5 only: who the dev session is, or null. */
export async function currentDevIdentity(): Promise<string | null> {
  const res = await fetch('/__dev/session', { credentials: 'same-origin' });
  const body = (await res.json()) as { session: { as: string } | null };
  return body.session?.as ?? null;
}

function isResult<T>(value: unknown): value is Result<T> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}
