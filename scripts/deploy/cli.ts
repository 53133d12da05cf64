// npm run deploy -- --env <envId> [--dry-run] [--json]: the whole backend into one CloudBase environment with
// @cloudbase/manager-node. scripts/deploy.mjs bundles this file and calls `main`, handing it the build step.
import { join } from 'node:path';
import type CloudBase from '@cloudbase/manager-node';
import { applyPlan, type Manager } from './apply';
import { type Plan, planFor, planJson } from './plan';

const USAGE = `usage: npm run deploy -- --env <envId> [--dry-run] [--json]
  --env <envId>  the CloudBase environment (云开发控制台 → 设置 → 环境ID)
  --dry-run      print the plan; touch no network
  --json         with --dry-run: the plan as JSON
Credentials: TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (a Tencent Cloud API key of the account the
environment belongs to: 腾讯云控制台 → 访问管理 → API密钥管理).`;

export interface Options {
  env: string;
  dryRun: boolean;
  json: boolean;
}

/** A refusal the user can fix: printed as one message, without a stack. */
export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): Options {
  const options: Options = { env: '', dryRun: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--env') options.env = argv[++i] ?? '';
    else if (arg.startsWith('--env=')) options.env = arg.slice('--env='.length);
    else throw new UsageError(`unknown argument: ${arg}\n${USAGE}`);
  }
  if (!options.env || options.env.startsWith('--')) throw new UsageError(`--env <envId> is required\n${USAGE}`);
  if (options.json && !options.dryRun) throw new UsageError(`--json goes with --dry-run\n${USAGE}`);
  return options;
}

type Environment = Readonly<Record<string, string | undefined>>;

export interface Credentials {
  secretId: string;
  secretKey: string;
  token?: string;
}

export function credentialsFrom(environment: Environment): Credentials {
  const secretId = environment.TENCENTCLOUD_SECRETID?.trim();
  const secretKey = environment.TENCENTCLOUD_SECRETKEY?.trim();
  if (!secretId || !secretKey) {
    throw new UsageError(
      'TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY must be set (腾讯云控制台 → 访问管理 → API密钥管理)',
    );
  }
  const token = environment.TENCENTCLOUD_SESSIONTOKEN?.trim();
  return token ? { secretId, secretKey, token } : { secretId, secretKey };
}

function describe(plan: Plan): string {
  const lines = [`plan for ${plan.env}:`, `functions (${plan.functions.length}):`];
  for (const f of plan.functions) {
    const triggers = f.triggers.map((t) => `${t.type} ${t.name} "${t.config}"`).join('; ');
    const extra = [triggers, f.openapi.length ? `openapi ${f.openapi.join(', ')}` : ''].filter(Boolean).join('; ');
    lines.push(`  ${f.name}: ${f.runtime}, timeout ${f.timeout} s${extra ? `; ${extra}` : ''}`);
  }
  lines.push(`collections (${plan.collections.length}), each with rule ${JSON.stringify(plan.collections[0]?.rule)}:`);
  for (const c of plan.collections) {
    const indexes = c.indexes.map((i) => `${i.name}${i.unique ? ' (unique)' : ''}`).join(', ');
    lines.push(`  ${c.name}${indexes ? `: ${indexes}` : ''}`);
  }
  lines.push(`storage rule: ${JSON.stringify(plan.storage.rule)}`);
  return lines.join('\n');
}

/**
 * The real manager for `env`, loaded only when deploying. Typed as `Manager` from the library's own declarations,
 * so tsc proves that @cloudbase/manager-node has every call apply.ts makes, with those shapes.
 */
export function realManager(env: string, credentials: Credentials): Manager {
  const Manager: typeof CloudBase = require('@cloudbase/manager-node');
  return new Manager({ ...credentials, envId: env });
}

export interface Deps {
  root: string;
  /** Builds dist/cloudfunctions when stale; throws when the build fails. */
  buildIfStale: () => Promise<void>;
  /** Makes the manager for the env (the real one loads @cloudbase/manager-node). */
  managerFor: (env: string, credentials: Credentials) => Manager;
  environment: Environment;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs the deploy; answers the exit code. Errors are reported as one line each, never as a stack. */
export async function main(argv: readonly string[], deps: Deps): Promise<number> {
  let step = 'arguments';
  try {
    const options = parseArgs(argv);
    const credentials = options.dryRun ? undefined : credentialsFrom(deps.environment);
    step = 'build';
    await deps.buildIfStale();
    step = 'plan';
    const plan = planFor(options.env, join(deps.root, 'cloudfunctions'), join(deps.root, 'dist/cloudfunctions'));
    if (options.dryRun) {
      deps.out(options.json ? JSON.stringify(planJson(plan), null, 2) : describe(plan));
      return 0;
    }
    step = 'deploy';
    deps.out(`deploying to ${plan.env}`);
    await applyPlan(plan, deps.managerFor(plan.env, credentials as Credentials), deps.out);
    deps.out(
      'Once per environment, in the console (README, Production): WeChat Pay, message push of wxa_media_check, ' +
        'and a DevTools upload of a function whose cloud call answers -604101.',
    );
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      deps.err(e.message);
      return 2;
    }
    const error = e as { message?: string; code?: string; requestId?: string };
    const detail = [error.code, error.requestId && `request ${error.requestId}`].filter(Boolean).join(', ');
    deps.err(`deploy stopped at ${step}: ${error.message ?? String(e)}${detail ? ` (${detail})` : ''}`);
    return 1;
  }
}
