// The deploy's steps against a fake CloudBase that keeps what it is given: the calls for a fresh environment, in
// order; a second run that only reads, uploads code again and changes nothing else; what a changed index, timeout or
// trigger costs; and the CLI's refusals (no env, no credentials, a failing call) as one line and an exit code.
import { join } from 'node:path';
import { applyPlan, type Manager } from './apply';
import { type Deps, main } from './cli';
import { type Plan, planFor, STORAGE_RULE } from './plan';

type Trigger = { TriggerName: string; Type: string; TriggerDesc: string };
type Index = { Name: string; Keys: Array<{ Name: string; Direction: string }>; Unique: boolean };

/** A CloudBase environment in memory, recording every call as one line. */
class FakeCloud {
  calls: string[] = [];
  fns = new Map<string, { Timeout: number; Runtime: string; Triggers: Trigger[] }>();
  colls = new Map<string, { indexes: Map<string, Index>; rule?: { AclTag: string; Rule: string } }>();
  acl: { acl: string; rule?: unknown } = { acl: 'READONLY' };
  failOn?: string;

  private record(line: string) {
    this.calls.push(line);
    if (this.failOn && line.startsWith(this.failOn)) {
      throw Object.assign(new Error('ResourceUnavailable: simulated outage'), { code: 'ResourceUnavailable' });
    }
  }

  manager(): Manager {
    return {
      functions: {
        listFunctions: async () => {
          this.record('functions.list');
          return [...this.fns.keys()].map((FunctionName) => ({ FunctionName }));
        },
        getFunctionDetail: async (name) => {
          this.record(`functions.detail ${name}`);
          const fn = this.fns.get(name);
          if (!fn) throw new Error(`no function ${name}`);
          return { ...fn, Triggers: fn.Triggers.map((t) => ({ ...t })) };
        },
        createFunction: async ({ func, functionPath, force }) => {
          this.record(`functions.create ${func.name} ${func.runtime} ${func.timeout}s force=${force}`);
          expect(functionPath).toMatch(new RegExp(`${func.name}$`));
          this.fns.set(func.name, { Timeout: func.timeout, Runtime: func.runtime, Triggers: [] });
        },
        updateFunctionCode: async ({ func }) => this.record(`functions.code ${func.name}`),
        updateFunctionConfig: async ({ name, timeout }) => {
          this.record(`functions.config ${name} ${timeout}s`);
          const fn = this.fns.get(name);
          if (fn) fn.Timeout = timeout;
        },
        createFunctionTriggers: async (name, triggers) => {
          this.record(`functions.triggers.create ${name} ${triggers.map((t) => `${t.name}=${t.config}`).join(',')}`);
          const fn = this.fns.get(name);
          for (const t of triggers) {
            fn?.Triggers.push({ TriggerName: t.name, Type: t.type, TriggerDesc: JSON.stringify({ cron: t.config }) });
          }
        },
        deleteFunctionTrigger: async (name, trigger) => {
          this.record(`functions.triggers.delete ${name} ${trigger}`);
          const fn = this.fns.get(name);
          if (fn) fn.Triggers = fn.Triggers.filter((t) => t.TriggerName !== trigger);
        },
      },
      database: {
        listCollections: async (options) => {
          this.record(`database.list ${options?.MgoOffset ?? 0}`);
          const all = [...this.colls.keys()].map((CollectionName) => ({ CollectionName }));
          const offset = options?.MgoOffset ?? 0;
          const limit = options?.MgoLimit ?? 100;
          return { Collections: all.slice(offset, offset + limit), Pager: { Total: all.length } };
        },
        createCollection: async (name) => {
          this.record(`database.create ${name}`);
          this.colls.set(name, { indexes: new Map() });
        },
        describeCollection: async (name) => {
          this.record(`database.describe ${name}`);
          const coll = this.colls.get(name);
          if (!coll) throw new Error(`no collection ${name}`);
          return {
            Indexes: [
              { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true },
              ...coll.indexes.values(),
            ],
          };
        },
        updateCollection: async (name, change) => {
          const coll = this.colls.get(name);
          for (const drop of change.DropIndexes ?? []) {
            this.record(`database.index.drop ${name} ${drop.IndexName}`);
            coll?.indexes.delete(drop.IndexName);
          }
          for (const create of change.CreateIndexes ?? []) {
            const keys = create.MgoKeySchema.MgoIndexKeys;
            const unique = create.MgoKeySchema.MgoIsUnique;
            this.record(
              `database.index.create ${name} ${create.IndexName}(${keys.map((k) => k.Name)})${unique ? '!' : ''}`,
            );
            coll?.indexes.set(create.IndexName, { Name: create.IndexName, Keys: keys, Unique: unique });
          }
        },
      },
      storage: {
        getStorageAcl: async () => {
          this.record('storage.acl.get');
          return { ...this.acl };
        },
        setStorageAcl: async (acl, rule) => {
          this.record(`storage.acl.set ${acl}`);
          this.acl = { acl, rule: JSON.parse(JSON.stringify(rule)) };
        },
      },
      commonService: () => ({
        call: async ({ Action, Param }) => {
          const name = String(Param.CollectionName);
          this.record(`tcb.${Action} ${name}`);
          expect(Param.EnvId).toBe('env-1');
          const coll = this.colls.get(name);
          if (Action === 'DescribeSafeRule') return coll?.rule ?? { AclTag: 'READONLY', Rule: null };
          if (Action === 'ModifySafeRule' && coll)
            coll.rule = { AclTag: String(Param.AclTag), Rule: String(Param.Rule) };
          return { RequestId: 'r' };
        },
      }),
    };
  }
}

/** A small plan spelt out, so that the order of every call can be read in the test. */
const small: Plan = {
  env: 'env-1',
  functions: [
    { name: 'shop', runtime: 'Nodejs16.13', timeout: 5, triggers: [], openapi: [], path: '/dist/shop' },
    {
      name: 'scheduler',
      runtime: 'Nodejs16.13',
      timeout: 60,
      triggers: [{ name: 'every-minute', type: 'timer', config: '0 * * * * * *' }],
      openapi: ['security.mediaCheckAsync'],
      path: '/dist/scheduler',
    },
  ],
  collections: [
    {
      name: 'users',
      indexes: [
        { name: 'openid', fields: ['openid'], unique: true },
        { name: 'status_sort', fields: ['status', 'sort'], unique: false },
      ],
      rule: { read: false, write: false },
    },
    { name: 'settings', indexes: [], rule: { read: false, write: false } },
  ],
  storage: { rule: { ...STORAGE_RULE } },
};

const quiet = () => {};
const DESTRUCTIVE = /^(functions\.delete |database\.delete|database\.index\.drop|storage\.delete)/;

describe('applyPlan', () => {
  it('makes, in order, every call a fresh environment needs', async () => {
    const cloud = new FakeCloud();
    await applyPlan(small, cloud.manager(), quiet);
    const rule = 'tcb.ModifySafeRule';
    expect(cloud.calls).toEqual([
      'database.list 0',
      'database.create users',
      'database.index.create users openid(openid)!',
      'database.index.create users status_sort(status,sort)',
      'tcb.DescribeSafeRule users',
      `${rule} users`,
      'database.create settings',
      'tcb.DescribeSafeRule settings',
      `${rule} settings`,
      'storage.acl.get',
      'storage.acl.set CUSTOM',
      'functions.list',
      'functions.create shop Nodejs16.13 5s force=false',
      'functions.create scheduler Nodejs16.13 60s force=false',
      'functions.triggers.create scheduler every-minute=0 * * * * * *',
    ]);
    expect(JSON.parse(cloud.colls.get('users')?.rule?.Rule ?? '')).toEqual({ read: false, write: false });
    expect(cloud.acl).toEqual({ acl: 'CUSTOM', rule: STORAGE_RULE });
  });

  it('on a second run only reads and uploads the code again: nothing is created, set or deleted', async () => {
    const cloud = new FakeCloud();
    await applyPlan(small, cloud.manager(), quiet);
    cloud.calls = [];
    const log: string[] = [];
    await applyPlan(small, cloud.manager(), (line) => log.push(line));
    expect(cloud.calls).toEqual([
      'database.list 0',
      'database.describe users',
      'tcb.DescribeSafeRule users',
      'database.describe settings',
      'tcb.DescribeSafeRule settings',
      'storage.acl.get',
      'functions.list',
      'functions.detail shop',
      'functions.code shop',
      'functions.detail scheduler',
      'functions.code scheduler',
    ]);
    expect(log).toContain('  unchanged');
  });

  it('recreates only an index whose definition changed; undeclared indexes and collections stay', async () => {
    const cloud = new FakeCloud();
    await applyPlan(small, cloud.manager(), quiet);
    const users = cloud.colls.get('users');
    users?.indexes.set('openid', { Name: 'openid', Keys: [{ Name: 'openid', Direction: '1' }], Unique: false });
    users?.indexes.set('legacy', { Name: 'legacy', Keys: [{ Name: 'old', Direction: '1' }], Unique: false });
    cloud.colls.set('old_logs', { indexes: new Map() });
    cloud.calls = [];
    const log: string[] = [];
    await applyPlan(small, cloud.manager(), (line) => log.push(line));
    expect(cloud.calls.filter((c) => c.startsWith('database.index'))).toEqual([
      'database.index.drop users openid',
      'database.index.create users openid(openid)!',
    ]);
    expect(cloud.calls.filter((c) => DESTRUCTIVE.test(c))).toEqual(['database.index.drop users openid']);
    expect(cloud.colls.has('old_logs')).toBe(true);
    expect(users?.indexes.has('legacy')).toBe(true);
    expect(log).toContain('  users: index legacy is not declared; left in place');
  });

  it('updates a changed timeout, trigger, collection rule and storage rule in place', async () => {
    const cloud = new FakeCloud();
    await applyPlan(small, cloud.manager(), quiet);
    const scheduler = cloud.fns.get('scheduler');
    if (scheduler) {
      scheduler.Timeout = 3;
      scheduler.Triggers = [
        { TriggerName: 'every-minute', Type: 'timer', TriggerDesc: JSON.stringify({ cron: '0 */5 * * * * *' }) },
        { TriggerName: 'nightly', Type: 'timer', TriggerDesc: '0 0 3 * * * *' },
      ];
    }
    const settings = cloud.colls.get('settings');
    if (settings) settings.rule = { AclTag: 'READONLY', Rule: '' };
    cloud.acl = { acl: 'CUSTOM', rule: { read: true, write: true } };
    cloud.calls = [];
    await applyPlan(small, cloud.manager(), quiet);
    const changes = cloud.calls.filter(
      (c) => !/\.(list|describe|detail|get)\b|DescribeSafeRule|functions\.code/.test(c),
    );
    expect(changes).toEqual([
      'tcb.ModifySafeRule settings',
      'storage.acl.set CUSTOM',
      'functions.config scheduler 60s',
      'functions.triggers.delete scheduler every-minute',
      'functions.triggers.delete scheduler nightly',
      'functions.triggers.create scheduler every-minute=0 * * * * * *',
    ]);
    expect(cloud.fns.get('scheduler')?.Triggers.map((t) => t.TriggerName)).toEqual(['every-minute']);
    expect(cloud.acl.rule).toEqual(STORAGE_RULE);
  });

  it('deploys the real plan: every collection, index and rule, the storage rule, every function', async () => {
    const root = join(__dirname, '..', '..');
    const plan = { ...planFor('env-1', join(root, 'cloudfunctions'), join(root, 'dist/cloudfunctions')) };
    const cloud = new FakeCloud();
    await applyPlan(plan, cloud.manager(), quiet);
    for (const c of plan.collections) {
      expect(cloud.colls.get(c.name)?.indexes.size).toBe(c.indexes.length);
      expect(JSON.parse(cloud.colls.get(c.name)?.rule?.Rule ?? 'null')).toEqual({ read: false, write: false });
    }
    expect([...cloud.fns.keys()].sort()).toEqual(plan.functions.map((f) => f.name).sort());
    expect(cloud.fns.get('scheduler')?.Triggers.length).toBeGreaterThan(0);
    cloud.calls = [];
    await applyPlan(plan, cloud.manager(), quiet);
    expect(cloud.calls.filter((c) => !/\.(list|describe|detail|get|code)\b|DescribeSafeRule/.test(c))).toEqual([]);
  });

  it('stops at the first failing call', async () => {
    const cloud = new FakeCloud();
    cloud.failOn = 'storage.acl.set';
    await expect(applyPlan(small, cloud.manager(), quiet)).rejects.toThrow('simulated outage');
    expect(cloud.calls.at(-1)).toBe('storage.acl.set CUSTOM');
    expect(cloud.calls.some((c) => c.startsWith('functions.'))).toBe(false);
  });
});

describe('the deploy command', () => {
  function run(argv: string[], environment: Deps['environment'], cloud = new FakeCloud()) {
    const out: string[] = [];
    const err: string[] = [];
    let built = 0;
    const deps: Deps = {
      root: join(__dirname, '..', '..'),
      buildIfStale: async () => {
        built++;
      },
      managerFor: (env, credentials) => {
        expect({ env, credentials }).toEqual({ env: 'env-1', credentials: { secretId: 'id', secretKey: 'key' } });
        return cloud.manager();
      },
      environment,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    };
    return main(argv, deps).then((code) => ({ code, out, err, built }));
  }
  const creds = { TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' };

  it('refuses without --env or without credentials, before building anything', async () => {
    const noEnv = await run([], creds);
    expect(noEnv).toMatchObject({ code: 2, built: 0 });
    expect(noEnv.err[0]).toMatch(/^--env <envId> is required/);
    const noCreds = await run(['--env', 'env-1'], { TENCENTCLOUD_SECRETID: 'id' });
    expect(noCreds).toMatchObject({ code: 2, built: 0 });
    expect(noCreds.err).toEqual([
      expect.stringMatching(/^TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY must be set/),
    ]);
    expect((await run(['--env', 'env-1', '--json'], creds)).code).toBe(2);
  });

  it('prints the plan as JSON on a dry run, without credentials or any call', async () => {
    const cloud = new FakeCloud();
    const result = await run(['--env', 'env-1', '--dry-run', '--json'], {}, cloud);
    expect(result).toMatchObject({ code: 0, built: 1, err: [] });
    const plan = JSON.parse(result.out.join('\n'));
    expect(plan.env).toBe('env-1');
    expect(plan.functions.map((f: { name: string }) => f.name)).toContain('scheduler');
    expect(cloud.calls).toEqual([]);
  });

  it('deploys with progress, and reports a failing call as one line with exit code 1', async () => {
    const ok = await run(['--env=env-1'], creds);
    expect(ok.code).toBe(0);
    expect(ok.out).toEqual(expect.arrayContaining([expect.stringMatching(/^\[1\/3\] database/), 'done']));
    const cloud = new FakeCloud();
    cloud.failOn = 'database.create';
    const failed = await run(['--env', 'env-1'], creds, cloud);
    expect(failed.code).toBe(1);
    expect(failed.err).toEqual([
      'deploy stopped at deploy: ResourceUnavailable: simulated outage (ResourceUnavailable)',
    ]);
  });
});
