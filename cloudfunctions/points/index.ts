// The `points` cloud function: a route table of its actions (`{ owner: true }`: only owners get past the wrapper).
import cloud from 'wx-server-sdk';
import { pointsInputs, type PointsAction, type PointsResults } from '../contracts/points';
import { createHandler, route, type Route } from '../platform/handler';
import { balance, join } from './balance';
import { ledger } from './ledger';
import { rules, setRules } from './rules';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const routes = {
  join: route(pointsInputs.join, join),
  balance: route(pointsInputs.balance, balance),
  ledger: route(pointsInputs.ledger, ledger),
  rules: route(pointsInputs.rules, rules, { owner: true }),
  setRules: route(pointsInputs.setRules, setRules, { owner: true }),
} satisfies { [A in PointsAction]: Route<(typeof pointsInputs)[A], PointsResults[A]> };

export const main = createHandler(cloud, routes);
