// The `report` function: the owner's business view, a route table of its actions (`{ owner: true }`: only owners get
// past the wrapper). The import's time budget is read here, where the clock may be read (ARCHITECTURE §2).
import cloud from 'wx-server-sdk';
import { type ReportAction, type ReportResults, reportInputs } from '../contracts/report';
import { createHandler, type Route, route } from '../platform/handler';
import { exportOrders } from './export-orders';
import { importShipments } from './import-shipments';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

/** Rows are started within this much of the call, well inside config.json's 60 s timeout (a ship takes < 1 s). */
const IMPORT_BUDGET_MS = 45_000;

const routes = {
  exportOrders: route(reportInputs.exportOrders, exportOrders, { owner: true }),
  importShipments: route(
    reportInputs.importShipments,
    (input, ctx) => {
      const started = Date.now();
      return importShipments(input, ctx, () => Date.now() - started > IMPORT_BUDGET_MS);
    },
    { owner: true },
  ),
  // `?` only until the dashboard and customer routes join this table (issue 20's other branch): then every action.
} satisfies { [A in ReportAction]?: Route<(typeof reportInputs)[A], ReportResults[A]> };

export const main = createHandler(cloud, routes);
