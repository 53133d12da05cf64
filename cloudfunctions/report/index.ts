// The `report` function: the owner's business view, a route table of its actions (`{ owner: true }`: only owners get
// past the wrapper). The import's time budget is read here, where the clock may be read (ARCHITECTURE §2).
import cloud from 'wx-server-sdk';
import { type ReportAction, type ReportResults, reportInputs } from '../contracts/report';
import { createHandler, type Route, route } from '../platform/handler';
import { customer } from './customer';
import { customers } from './customers';
import { dashboard } from './dashboard';
import { exportOrders } from './export-orders';
import { importShipments } from './import-shipments';
import { tagCustomer } from './tag-customer';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

/** Rows are started within this much of the call, well inside config.json's 60 s timeout (a ship takes < 1 s). */
const IMPORT_BUDGET_MS = 45_000;

const routes = {
  // The rollups' figures and the customers.
  dashboard: route(reportInputs.dashboard, dashboard, { owner: true }),
  customers: route(reportInputs.customers, customers, { owner: true }),
  customer: route(reportInputs.customer, customer, { owner: true }),
  tagCustomer: route(reportInputs.tagCustomer, tagCustomer, { owner: true }),
  // Orders out for the courier, shipments in.
  exportOrders: route(reportInputs.exportOrders, exportOrders, { owner: true }),
  importShipments: route(
    reportInputs.importShipments,
    (input, ctx) => {
      const started = Date.now();
      return importShipments(input, ctx, () => Date.now() - started > IMPORT_BUDGET_MS);
    },
    { owner: true },
  ),
} satisfies { [A in ReportAction]: Route<(typeof reportInputs)[A], ReportResults[A]> };

export const main = createHandler(cloud, routes);
