// The owner's category list: a name as typed checked as the shop checks it, a new category's place (last), and
// what moving one up or down changes (the sort numbers that differ from the new order's, renumbered in tens).
import { CATEGORY_NAME_BOUNDS, CATEGORY_SORT_MAX, hasVisibleText } from '../../../cloudfunctions/contracts/limits';
import type { Category } from '../../../cloudfunctions/contracts/shop';

const STEP = 10;

/** The trimmed name, or what to fix. */
export function checkName(text: string): { ok: true; name: string } | { ok: false; message: string } {
  const name = text.trim();
  if (!name || !hasVisibleText(name)) return { ok: false, message: '请填写分类名称' };
  if (name.length > CATEGORY_NAME_BOUNDS.max)
    return { ok: false, message: `分类名称最多 ${CATEGORY_NAME_BOUNDS.max} 个字` };
  return { ok: true, name };
}

/** A new category goes after the others. */
export function nextSort(items: readonly Category[]): number {
  const last = items.reduce((max, c) => Math.max(max, c.sort), 0);
  return Math.min(last + STEP, CATEGORY_SORT_MAX);
}

/**
 * The category at `index` moved one place (`by` -1: up, 1: down): the list in its new order, each at its place's
 * sort number, and those whose number changed (what to save). Null when it cannot move that way.
 */
export function move(
  items: readonly Category[],
  index: number,
  by: -1 | 1,
): { items: Category[]; changed: Category[] } | null {
  const to = index + by;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return null;
  const order = [...items];
  [order[index], order[to]] = [order[to], order[index]];
  const renumbered = order.map((c, i) => ({ ...c, sort: (i + 1) * STEP }));
  return { items: renumbered, changed: renumbered.filter((c, i) => c.sort !== order[i].sort) };
}
