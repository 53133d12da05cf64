// The owner's CSV work of the `report` function (导出订单, 批量发货), typed by its contracts. The business view's
// figures and customers are in report-owner.ts.
import { callFunction } from './client';
import type { ReportAction, ReportInput, ReportResults } from '../../cloudfunctions/contracts/report';

const call = <A extends ReportAction>(action: A, input: ReportInput<A>) =>
  callFunction<ReportResults[A]>('report', action, input);

export const reportApi = {
  exportOrders: (input: ReportInput<'exportOrders'>) => call('exportOrders', input),
  importShipments: (input: ReportInput<'importShipments'>) => call('importShipments', input),
};
