// The owner's words for a customer (老客户, 团长 …): the list given replaces the customer's tags.
import { AppError } from '../contracts/errors';
import type { ReportInput, ReportResults } from '../contracts/report';
import { findCustomer, setCustomerTags } from '../data/customers';
import type { OwnerContext } from '../platform/handler';
import { customerItems } from './customer-view';

export async function tagCustomer(
  input: ReportInput<'tagCustomer'>,
  ctx: OwnerContext,
): Promise<ReportResults['tagCustomer']> {
  if (!(await setCustomerTags(ctx.db, input.memberId, input.tags))) throw new AppError('customer.not_found');
  const found = await findCustomer(ctx.db, input.memberId);
  if (!found) throw new AppError('customer.not_found');
  const [customer] = await customerItems(ctx.db, [found]);
  return { customer };
}
