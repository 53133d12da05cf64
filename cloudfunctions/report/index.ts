// The `report` cloud function: the owner's business view, a route table of owner-only actions (the wrapper refuses
// anyone else before anything runs).
import cloud from 'wx-server-sdk';
import { reportInputs, type ReportAction, type ReportResults } from '../contracts/report';
import { createHandler, route, type Route } from '../platform/handler';
import { dashboard } from './dashboard';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const routes = {
  // STATS: the rollups' figures and the customers.
  dashboard: route(reportInputs.dashboard, dashboard, { owner: true }),
} satisfies { [A in Extract<ReportAction, 'dashboard'>]: Route<(typeof reportInputs)[A], ReportResults[A]> };

export const main = createHandler(cloud, routes);
