// The search page's query rule and the buyer's search history, kept on the device (Taro storage): the latest
// searches first, each once, at most SEARCH_HISTORY_MAX.
import Taro from '@tarojs/taro';
import { SEARCH_QUERY_BOUNDS } from '../../../cloudfunctions/contracts/limits';

export const SEARCH_HISTORY_KEY = 'yj_search_history';
export const SEARCH_HISTORY_MAX = 10;

export type CheckedQuery = { ok: true; q: string } | { ok: false; message: string };

/** The typed text as a search (trimmed, SEARCH_QUERY_BOUNDS), or why it is not one. */
export function checkQuery(text: string): CheckedQuery {
  const q = text.trim();
  if (q.length < SEARCH_QUERY_BOUNDS.min) return { ok: false, message: '请输入要搜索的商品' };
  if (q.length > SEARCH_QUERY_BOUNDS.max) return { ok: false, message: `最多 ${SEARCH_QUERY_BOUNDS.max} 个字` };
  return { ok: true, q };
}

/** The history with `q` as its latest search. */
export function withSearch(history: readonly string[], q: string): string[] {
  return [q, ...history.filter((h) => h !== q)].slice(0, SEARCH_HISTORY_MAX);
}

/** What the device keeps; anything unreadable is no history. */
export function readHistory(): string[] {
  try {
    const stored: unknown = Taro.getStorageSync(SEARCH_HISTORY_KEY);
    if (!Array.isArray(stored)) return [];
    return stored.filter((h): h is string => typeof h === 'string' && checkQuery(h).ok).slice(0, SEARCH_HISTORY_MAX);
  } catch {
    return [];
  }
}

/** Keeps the history on the device; a failing storage (quota, private mode) keeps it for this visit only. */
export function writeHistory(history: readonly string[]): void {
  try {
    if (history.length === 0) Taro.removeStorageSync(SEARCH_HISTORY_KEY);
    else Taro.setStorageSync(SEARCH_HISTORY_KEY, history);
  } catch {
    // kept in memory only
  }
}
