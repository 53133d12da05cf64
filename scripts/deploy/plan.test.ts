// The deploy plan against the code: every function folder, its config.json, every collection the code names with
// its indexes and rule, the scheduler's timer, every cloud call a function makes declared in its config.json, and
// the storage rule against the folders the client uploads to. jest's global setup has built dist/cloudfunctions.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSync } from 'esbuild';
import { MEMBER_UPLOAD_FOLDERS, SHOP_UPLOAD_FOLDERS } from '../../cloudfunctions/contracts/limits';
import { collections, type IndexSpec } from '../../cloudfunctions/data/indexes';
import { COLLECTION_RULE, indexName, type Plan, planFor, planJson, STORAGE_RULE } from './plan';

const root = join(__dirname, '..', '..');
const source = join(root, 'cloudfunctions');
const plan: Plan = planFor('test-env', source, join(root, 'dist/cloudfunctions'));

const functionFolders = readdirSync(source).filter((name) => {
  try {
    return statSync(join(source, name, 'index.ts')).isFile();
  } catch {
    return false;
  }
});
const configOf = (name: string) => JSON.parse(readFileSync(join(source, name, 'config.json'), 'utf8'));

/** Every non-test .ts file under `dir`. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : sourcesUnder(path);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}

describe('functions', () => {
  it('deploys every function folder, and nothing else', () => {
    expect(functionFolders.length).toBeGreaterThan(0);
    expect(plan.functions.map((f) => f.name).sort()).toEqual([...functionFolders].sort());
    for (const f of plan.functions) expect(relative(root, f.path)).toBe(join('dist/cloudfunctions', f.name));
  });

  it("takes each function's timeout, triggers and cloud-call permissions from its config.json", () => {
    for (const f of plan.functions) {
      const config = configOf(f.name);
      expect({ name: f.name, timeout: f.timeout }).toEqual({ name: f.name, timeout: config.timeout ?? 3 });
      expect(f.triggers).toEqual(config.triggers ?? []);
      expect(f.openapi).toEqual(config.permissions?.openapi ?? []);
      expect(f.runtime).toMatch(/^Nodejs1[68]\./);
    }
  });

  it("keeps the scheduler's timer trigger", () => {
    const scheduler = plan.functions.find((f) => f.name === 'scheduler');
    const timers = configOf('scheduler').triggers.filter((t: { type: string }) => t.type === 'timer');
    expect(timers.length).toBeGreaterThan(0);
    expect(scheduler?.triggers).toEqual(expect.arrayContaining(timers));
  });

  /**
   * The cloud calls in a function's bundle as esbuild tree-shakes it (only the code it runs): `openapi.<category>`
   * followed by `.<method>(`, directly or through a helper answering `….openapi.<category>`.
   */
  function cloudCallsOf(name: string): { calls: Set<string>; unexplained: string[] } {
    const out = buildSync({
      entryPoints: [join(source, name, 'index.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      external: ['wx-server-sdk'],
      logLevel: 'silent',
    }).outputFiles[0].text;
    const calls = new Set<string>();
    const unexplained: string[] = [];
    const categories = new Set([...out.matchAll(/\bopenapi\s*\.\s*([A-Za-z_$][\w$]*)/g)].map((m) => m[1]));
    for (const category of categories) {
      // A method may sit deeper than one level (wxa.sec.order.uploadShippingInfo): the whole path is the call.
      const found = new Set(
        [...out.matchAll(new RegExp(`\\bopenapi\\s*\\.\\s*${category}((?:\\s*\\.\\s*\\w+)+)\\s*\\(`, 'g'))].map((m) =>
          m[1].replace(/\s+/g, '').slice(1),
        ),
      );
      const helpers = out.matchAll(
        new RegExp(`(\\w+)\\s*=\\s*\\([^)]*\\)\\s*=>\\s*[\\w$.]*openapi\\.${category}\\b`, 'g'),
      );
      for (const [, helper] of helpers) {
        for (const m of out.matchAll(new RegExp(`\\b${helper}\\([^)]*\\)\\s*\\.\\s*(\\w+)\\s*\\(`, 'g')))
          found.add(m[1]);
      }
      if (found.size === 0) unexplained.push(category);
      for (const method of found) calls.add(`${category}.${method}`);
    }
    return { calls, unexplained };
  }

  it('lists every cloud call a function makes in its permissions.openapi', () => {
    const seen: string[] = [];
    for (const f of plan.functions) {
      const { calls, unexplained } = cloudCallsOf(f.name);
      // A cloud call reached some other way would go unchecked: the test has to learn it first.
      expect({ name: f.name, unexplained }).toEqual({ name: f.name, unexplained: [] });
      for (const call of calls) {
        expect({ name: f.name, call, declared: f.openapi.includes(call) }).toEqual({
          name: f.name,
          call,
          declared: true,
        });
        seen.push(`${f.name}:${call}`);
      }
    }
    // The detector sees the calls known today (a detector that finds nothing would pass vacuously).
    expect(seen).toEqual(
      expect.arrayContaining([
        'commission:wxacode.getUnlimited',
        'order:subscribeMessage.send',
        'order:wxa.sec.order.uploadShippingInfo',
        'scheduler:wxa.sec.order.uploadShippingInfo',
      ]),
    );
  });
});

describe('collections', () => {
  const named = new Set(
    sourcesUnder(source).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\.collection(?:<[^>]*>)?\(\s*'([\w-]+)'\s*\)/g)].map((m) => m[1]),
    ),
  );

  it('has every collection the code names, each server-only', () => {
    expect(named.size).toBeGreaterThan(5);
    const planned = new Map(plan.collections.map((c) => [c.name, c]));
    for (const name of named) {
      expect({ name, planned: planned.has(name) }).toEqual({ name, planned: true });
    }
    for (const c of plan.collections) expect(c.rule).toEqual({ read: false, write: false });
    expect(COLLECTION_RULE).toEqual({ read: false, write: false });
  });

  it('creates the indexes data/indexes.ts declares, under unique plain names', () => {
    expect(plan.collections.map((c) => c.name)).toEqual(Object.keys(collections));
    for (const c of plan.collections) {
      const declared = collections[c.name as keyof typeof collections].indexes;
      expect(c.indexes).toEqual(
        declared.map((spec: IndexSpec) => ({
          name: indexName(spec),
          fields: [...spec.fields],
          unique: spec.unique === true,
        })),
      );
      expect(new Set(c.indexes.map((i) => i.name)).size).toBe(c.indexes.length);
      for (const i of c.indexes) expect(i.name).toMatch(/^[A-Za-z0-9_]+$/);
    }
    const orders = plan.collections.find((c) => c.name === 'orders');
    expect(orders?.indexes).toContainEqual({ name: 'address_phone', fields: ['address.phone'], unique: false });
    expect(orders?.indexes).toContainEqual({ name: 'requestKey', fields: ['requestKey'], unique: true });
  });

  it('prints the plan with the documented names and no local paths', () => {
    const json = JSON.parse(JSON.stringify(planJson(plan)));
    expect(Object.keys(json).sort()).toEqual(['collections', 'env', 'functions', 'storage']);
    expect(Object.keys(json.functions[0]).sort()).toEqual(['name', 'openapi', 'runtime', 'timeout', 'triggers']);
    expect(Object.keys(json.collections[0]).sort()).toEqual(['indexes', 'name', 'rule']);
    expect(Object.keys(json.storage)).toEqual(['rule']);
  });
});

describe('storage rule', () => {
  // The rule's expressions use only ==, !=, &&, a literal regex's test() and the auth/resource fields, which mean
  // the same in JavaScript: evaluated here as such.
  type Auth = { openid?: string; uid?: string } | null;
  const evaluate = (expression: string, auth: Auth, resource: { openid?: string; path: string }): boolean =>
    new Function('auth', 'resource', `return (${expression});`)(auth, resource) as boolean;
  const write = (auth: Auth, path: string, owner?: string) =>
    evaluate(STORAGE_RULE.write, auth, { openid: owner ?? auth?.openid, path });
  const read = (path: string) => evaluate(STORAGE_RULE.read, null, { openid: 'oAlice', path });
  const alice = { openid: 'oAlice_28-chars-like-WeChat1' };

  // The folders the client uploads to: each page asks for its own folder of one of contracts/limits.ts's folders,
  // directly (ownUploadFolder) or through the photo uploads hook (usePhotoUploads, which asks for it).
  const declared: Record<string, Record<string, string>> = { MEMBER_UPLOAD_FOLDERS, SHOP_UPLOAD_FOLDERS };
  const sources = sourcesUnder(join(root, 'src')).map((file) => readFileSync(file, 'utf8'));
  const uploadFolders = [
    ...new Set(
      sources.flatMap((text) =>
        [...text.matchAll(/(?:ownUploadFolder|usePhotoUploads)\(\s*(\w+)\.(\w+)/g)].map(
          (m) => declared[m[1]]?.[m[2]] ?? `unknown ${m[1]}.${m[2]}`,
        ),
      ),
    ),
  ];

  it('every client upload goes through its own folder: no page names a folder by itself', () => {
    const bare = sources.filter((text) => /cloudPathFor\(\s*'/.test(text));
    expect(bare).toEqual([]);
  });

  it('lets a signed-in member upload into their own folder of every folder the client uploads to', () => {
    expect(uploadFolders).toEqual(expect.arrayContaining(['reviews', 'aftersales', 'products', 'shop']));
    for (const folder of uploadFolders) {
      expect({ folder, ok: write(alice, `${folder}/${alice.openid}/mb2x1k-0abcdefg.jpg`) }).toEqual({
        folder,
        ok: true,
      });
      expect({ folder, read: read(`${folder}/${alice.openid}/mb2x1k-0abcdefg.jpg`) }).toEqual({ folder, read: true });
    }
  });

  it('refuses anonymous writes, another uploader’s file, other folders and other path shapes', () => {
    const name = 'mb2x1k-0abcdefg.jpg';
    expect(write(null, `reviews/${alice.openid}/${name}`, 'oBob')).toBe(false);
    expect(write({ uid: 'web-user' }, `reviews/x/${name}`, 'web-user')).toBe(false);
    // A file someone else uploaded can be neither overwritten nor deleted.
    expect(write(alice, `reviews/oBob/${name}`, 'oBob')).toBe(false);
    expect(write(alice, `products/oBob/${name}`, 'oBob')).toBe(false);
    for (const path of [
      `avatars/${alice.openid}/${name}`,
      `reviews/${name}`,
      `reviews/${alice.openid}/deeper/${name}`,
      `reviews/${alice.openid}/../${name}`,
      `reviews/../${alice.openid}/${name}`,
      `reviews/${alice.openid}/.hidden`,
      `/reviews/${alice.openid}/${name}`,
      `reviews//${name}`,
      `xreviews/${alice.openid}/${name}`,
    ]) {
      expect({ path, ok: write(alice, path) }).toEqual({ path, ok: false });
    }
  });

  it('lets nobody read outside the image folders', () => {
    expect(read('products/p1.jpg')).toBe(true);
    expect(read('exports/orders.csv')).toBe(false);
    expect(read('productsx/p1.jpg')).toBe(false);
  });
});
