// 客户: the shop's customers (members with a paid order), searched literally by nickname or share code, filtered by
// one of the owner's tags, by last order (the default), spending or orders, in keyset pages; the first page also
// names the tags in use, for the filter.
import type { ReportInput, ReportResults } from '../contracts/report';
import { decodeCursor, encodeCursor } from '../core/paging';
import { CUSTOMER_TAGS_SHOWN } from '../contracts/limits';
import { listCustomers, positionOf, tagsInUse } from '../data/customers';
import type { OwnerContext } from '../platform/handler';
import { customerItems } from './customer-view';

const PAGE = 20;

export async function customers(
  input: ReportInput<'customers'>,
  ctx: OwnerContext,
): Promise<ReportResults['customers']> {
  const sort = input.sort ?? 'recent';
  const limit = input.limit ?? PAGE;
  const after = input.cursor === undefined ? null : decodeCursor(input.cursor);
  const [rows, tags] = await Promise.all([
    listCustomers(ctx.db, { q: input.q || undefined, tag: input.tag, sort, after, limit: limit + 1 }),
    after ? undefined : tagsInUse(ctx.db, CUSTOMER_TAGS_SHOWN),
  ]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: await customerItems(ctx.db, page),
    nextCursor: rows.length > limit && last ? encodeCursor(positionOf(last, sort)) : null,
    ...(tags ? { tags } : {}),
  };
}
