// The owner's business view of the `report` function: 经营数据 and the customers, typed by its contracts. The export
// and the batch shipping are in report.ts.
import { callFunction } from './client';
import type { ReportAction, ReportInput, ReportResults } from '../../cloudfunctions/contracts/report';

const call = <A extends ReportAction>(action: A, input: ReportInput<A>) =>
  callFunction<ReportResults[A]>('report', action, input);

export const reportOwnerApi = {
  dashboard: (input: ReportInput<'dashboard'>) => call('dashboard', input),
  customers: (input: ReportInput<'customers'>) => call('customers', input),
  customer: (input: ReportInput<'customer'>) => call('customer', input),
  tagCustomer: (input: ReportInput<'tagCustomer'>) => call('tagCustomer', input),
};
