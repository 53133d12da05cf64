// The `report` cloud function: the owner's business view, a route table of owner-only actions (the wrapper refuses
// anyone else before anything runs).
import cloud from 'wx-server-sdk';
import { reportInputs, type ReportAction, type ReportResults } from '../contracts/report';
import { createHandler, route, type Route } from '../platform/handler';
import { customer } from './customer';
import { customers } from './customers';
import { dashboard } from './dashboard';
import { tagCustomer } from './tag-customer';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const routes = {
  // STATS: the rollups' figures and the customers.
  dashboard: route(reportInputs.dashboard, dashboard, { owner: true }),
  customers: route(reportInputs.customers, customers, { owner: true }),
  customer: route(reportInputs.customer, customer, { owner: true }),
  tagCustomer: route(reportInputs.tagCustomer, tagCustomer, { owner: true }),
} satisfies {
  [A in Exclude<ReportAction, 'exportOrders' | 'importShipments'>]: Route<(typeof reportInputs)[A], ReportResults[A]>;
};

export const main = createHandler(cloud, routes);
