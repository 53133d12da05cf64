// Puts a plan into a CloudBase environment through @cloudbase/manager-node, or anything shaped like it (the tests
// hand it a fake). Idempotent: it reads what exists first, creates what is missing, updates what differs and
// leaves the rest. It never deletes a function, a collection or a document; it drops an index only when the same
// name now has another definition, right before creating it anew (CloudBase cannot alter an index in place), and a
// timer trigger only when config.json changed or removed it (a trigger is configuration, not data).
import type { CollectionPlan, FunctionPlan, IndexPlan, Plan, TriggerPlan } from './plan';

/**
 * The manager-node calls the deploy uses (names and shapes of @cloudbase/manager-node 5.6.5: its docs/function.md,
 * docs/database.md and docs/storage.md, and lib/ of the package; the collections' rules are the tcb cloud API's
 * DescribeSafeRule / ModifySafeRule, https://cloud.tencent.com/document/api/876/128118 and …/128959, called through
 * its commonService as its own test/rules does). cli.ts types the real manager as this interface.
 */
export interface Manager {
  functions: {
    listFunctions(limit?: number, offset?: number): Promise<Array<Record<string, string>>>;
    getFunctionDetail(name: string): Promise<{
      Timeout?: number;
      Runtime?: string;
      Triggers?: Array<{ TriggerName: string; Type: string; TriggerDesc?: string }>;
    }>;
    createFunction(param: { func: CloudFunction; functionPath: string; force: boolean }): Promise<unknown>;
    updateFunctionCode(param: { func: CloudFunction; functionPath: string }): Promise<unknown>;
    updateFunctionConfig(func: { name: string; timeout: number }): Promise<unknown>;
    createFunctionTriggers(name: string, triggers: TriggerPlan[]): Promise<unknown>;
    deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>;
  };
  database: {
    listCollections(options?: { MgoLimit?: number; MgoOffset?: number }): Promise<{
      Collections: Array<{ CollectionName: string }>;
      Pager?: { Total: number };
    }>;
    createCollection(name: string): Promise<unknown>;
    describeCollection(name: string): Promise<{
      Indexes?: Array<{ Name: string; Keys?: Array<{ Name?: string; Direction?: string }>; Unique?: boolean }>;
    }>;
    updateCollection(
      name: string,
      change: {
        CreateIndexes?: Array<{
          IndexName: string;
          MgoKeySchema: { MgoIndexKeys: Array<{ Name: string; Direction: string }>; MgoIsUnique: boolean };
        }>;
        DropIndexes?: Array<{ IndexName: string }>;
      },
    ): Promise<unknown>;
  };
  storage: {
    getStorageAcl(options: { withRule: true }): Promise<{ acl: string; rule?: unknown }>;
    setStorageAcl(acl: 'CUSTOM', rule: { read: string; write: string }): Promise<unknown>;
  };
  /** tcb cloud API calls manager-node has no method for (the collections' security rules). */
  commonService(): { call(options: { Action: string; Param: Record<string, unknown> }): Promise<unknown> };
}

/** What createFunction / updateFunctionCode take as `func`. */
export interface CloudFunction {
  name: string;
  runtime: string;
  timeout: number;
  handler: string;
  /** CloudBase installs package.json's dependencies (wx-server-sdk, kept out of the bundle) at upload. */
  installDependency: boolean;
}

export type Log = (line: string) => void;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The cron of a timer trigger as GetFunction describes it (`{"cron":"…"}`, or the bare expression). */
function cronOf(desc: string | undefined): string | undefined {
  if (desc === undefined) return undefined;
  try {
    const parsed = JSON.parse(desc) as { cron?: unknown };
    if (typeof parsed?.cron === 'string') return parsed.cron;
  } catch {
    // not JSON: the expression itself
  }
  return desc;
}

async function existingCollections(manager: Manager): Promise<Set<string>> {
  const names = new Set<string>();
  const limit = 100;
  for (let offset = 0; ; offset += limit) {
    const page = await manager.database.listCollections({ MgoLimit: limit, MgoOffset: offset });
    for (const c of page.Collections ?? []) names.add(c.CollectionName);
    const total = page.Pager?.Total ?? 0;
    if ((page.Collections ?? []).length < limit || offset + limit >= total) return names;
  }
}

/**
 * An index as UpdateTable takes it (manager-node docs/database.md, updateCollection: Direction "1" ascending; creating
 * and dropping go in separate calls).
 */
function indexDefinition(index: IndexPlan) {
  return {
    IndexName: index.name,
    MgoKeySchema: {
      MgoIndexKeys: index.fields.map((field) => ({ Name: field, Direction: '1' })),
      MgoIsUnique: index.unique,
    },
  };
}

async function applyCollection(manager: Manager, env: string, plan: CollectionPlan, exists: boolean, log: Log) {
  if (exists) log(`  ${plan.name}: exists`);
  else {
    await manager.database.createCollection(plan.name);
    log(`  ${plan.name}: created`);
  }
  const current = new Map(
    ((exists ? (await manager.database.describeCollection(plan.name)).Indexes : []) ?? []).map((i) => [i.Name, i]),
  );
  for (const index of plan.indexes) {
    const found = current.get(index.name);
    const fields = (found?.Keys ?? []).map((k) => k.Name);
    if (found && sameJson(fields, index.fields) && (found.Unique === true) === index.unique) continue;
    if (found) {
      // Same name, another definition: CloudBase alters no index in place, so it is dropped and made anew.
      await manager.database.updateCollection(plan.name, { DropIndexes: [{ IndexName: index.name }] });
      log(`  ${plan.name}: index ${index.name} changed (was ${fields.join(', ')}${found.Unique ? ', unique' : ''})`);
    }
    await manager.database.updateCollection(plan.name, { CreateIndexes: [indexDefinition(index)] });
    log(`  ${plan.name}: index ${index.name} (${index.fields.join(', ')}${index.unique ? ', unique' : ''}) created`);
  }
  const declared = new Set(plan.indexes.map((i) => i.name));
  for (const name of current.keys()) {
    if (name !== '_id_' && !declared.has(name)) log(`  ${plan.name}: index ${name} is not declared; left in place`);
  }
  await applyCollectionRule(manager, env, plan, log);
}

async function applyCollectionRule(manager: Manager, env: string, plan: CollectionPlan, log: Log) {
  const tcb = manager.commonService();
  let current: { AclTag?: string; Rule?: string | null } | undefined;
  try {
    current = (await tcb.call({ Action: 'DescribeSafeRule', Param: { EnvId: env, CollectionName: plan.name } })) as {
      AclTag?: string;
      Rule?: string | null;
    };
  } catch (e) {
    // Reading is only an optimisation: writing the same rule again is harmless.
    log(`  ${plan.name}: current rule unreadable (${(e as Error).message}); setting it`);
  }
  if (current?.AclTag === 'CUSTOM' && current.Rule) {
    try {
      if (sameJson(JSON.parse(current.Rule), plan.rule)) return;
    } catch {
      // an unreadable rule is replaced below
    }
  }
  await tcb.call({
    Action: 'ModifySafeRule',
    Param: { EnvId: env, CollectionName: plan.name, AclTag: 'CUSTOM', Rule: JSON.stringify(plan.rule) },
  });
  log(`  ${plan.name}: rule set to ${JSON.stringify(plan.rule)}`);
}

async function applyFunction(manager: Manager, plan: FunctionPlan, exists: boolean, log: Log) {
  const func: CloudFunction = {
    name: plan.name,
    runtime: plan.runtime,
    timeout: plan.timeout,
    handler: 'index.main',
    installDependency: true,
  };
  let triggers: Array<{ TriggerName: string; Type: string; TriggerDesc?: string }> = [];
  if (!exists) {
    await manager.functions.createFunction({ func, functionPath: plan.path, force: false });
    log(`  ${plan.name}: created (${plan.runtime}, timeout ${plan.timeout} s)`);
  } else {
    const detail = await manager.functions.getFunctionDetail(plan.name);
    triggers = detail.Triggers ?? [];
    await manager.functions.updateFunctionCode({ func, functionPath: plan.path });
    log(`  ${plan.name}: code updated`);
    if (detail.Timeout !== plan.timeout) {
      await manager.functions.updateFunctionConfig({ name: plan.name, timeout: plan.timeout });
      log(`  ${plan.name}: timeout ${detail.Timeout ?? '?'} s → ${plan.timeout} s`);
    }
    if (detail.Runtime && detail.Runtime !== plan.runtime) {
      // CloudBase sets a runtime only at creation; changing it means deleting the function, which this never does.
      log(`  ${plan.name}: runs on ${detail.Runtime}, not ${plan.runtime}; change it in the console if needed`);
    }
  }
  const missing: TriggerPlan[] = [];
  for (const trigger of plan.triggers) {
    const found = triggers.find((t) => t.TriggerName === trigger.name);
    if (found && found.Type === trigger.type && cronOf(found.TriggerDesc) === trigger.config) continue;
    if (found) {
      await manager.functions.deleteFunctionTrigger(plan.name, trigger.name);
      log(`  ${plan.name}: trigger ${trigger.name} changed`);
    }
    missing.push(trigger);
  }
  for (const t of triggers) {
    if (!plan.triggers.some((p) => p.name === t.TriggerName)) {
      await manager.functions.deleteFunctionTrigger(plan.name, t.TriggerName);
      log(`  ${plan.name}: trigger ${t.TriggerName} removed (no longer in config.json)`);
    }
  }
  if (missing.length > 0) {
    await manager.functions.createFunctionTriggers(plan.name, missing);
    for (const t of missing) log(`  ${plan.name}: trigger ${t.name} (${t.type} ${t.config}) created`);
  }
  if (plan.openapi.length > 0) log(`  ${plan.name}: cloud calls declared in config.json: ${plan.openapi.join(', ')}`);
}

/** Deploys `plan` step by step, printing progress through `log`; the first failing call stops it (it throws). */
export async function applyPlan(plan: Plan, manager: Manager, log: Log): Promise<void> {
  log(`[1/3] database: ${plan.collections.length} collections, their indexes and rules`);
  const collections = await existingCollections(manager);
  for (const collection of plan.collections) {
    await applyCollection(manager, plan.env, collection, collections.has(collection.name), log);
  }

  log('[2/3] storage: security rule');
  const acl = await manager.storage.getStorageAcl({ withRule: true });
  if (acl.acl === 'CUSTOM' && sameJson(acl.rule, plan.storage.rule)) log('  unchanged');
  else {
    await manager.storage.setStorageAcl('CUSTOM', plan.storage.rule);
    log(`  set (was ${acl.acl})`);
  }

  log(`[3/3] functions: ${plan.functions.map((f) => f.name).join(', ')}`);
  const existing = new Set((await manager.functions.listFunctions(100, 0)).map((f) => f.FunctionName));
  for (const [i, fn] of plan.functions.entries()) {
    log(` (${i + 1}/${plan.functions.length}) ${fn.name}`);
    await applyFunction(manager, fn, existing.has(fn.name), log);
  }
  log('done');
}
