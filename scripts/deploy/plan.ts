// What `npm run deploy` puts in a CloudBase environment, computed from the code and nothing else: the functions are
// the folders of cloudfunctions/ with an index.ts, uploaded from dist/cloudfunctions (each with its own
// config.json: timeout, timer triggers, permissions.openapi), the collections and their indexes are the one
// declaration in cloudfunctions/data/indexes.ts, and the security rules are the constants below. A function, a
// config.json entry or a collection added by anyone flows in without touching this file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UPLOAD_FOLDERS as FOLDERS } from '../../cloudfunctions/contracts/limits';
import { type CollectionName, collections, type IndexSpec } from '../../cloudfunctions/data/indexes';

/** CloudBase's Node.js 16 runtime: the bundles are built for node16.13 (scripts/build-cloud.mjs `target`). */
export const RUNTIME = 'Nodejs16.13';
/** CloudBase's default when config.json names no timeout (the emulator's default too). */
export const DEFAULT_TIMEOUT_S = 3;

/**
 * Every collection is server-only: clients reach data only through the functions, which run with admin rights and
 * are not subject to the rule. `{ read: false, write: false }` is CloudBase's "仅管理端可读写" written as a custom
 * rule (tcb API ModifySafeRule, AclTag CUSTOM: https://cloud.tencent.com/document/api/876/128959).
 */
export const COLLECTION_RULE = { read: false, write: false } as const;

/**
 * Folders a client writes to itself with Taro.cloud.uploadFile, each file at `<folder>/<uploader's openid>/<name>`:
 * members' photos, and the owner's product photos and shop logo (contracts/limits.ts `UPLOAD_FOLDERS`). A storage
 * rule cannot see who is an owner (`settings.owners` lives in the database), so the owner's uploads take the same
 * per-uploader shape and the owner-only functions decide which files become the shop's images.
 */
export const UPLOAD_FOLDERS: readonly string[] = FOLDERS;

/**
 * The storage rule, following CloudBase's storage security rules
 * (https://docs.cloudbase.net/storage/security-rules and …/security-rules/secure_resource: `auth.openid` is the
 * mini program caller, `resource.openid` the file's uploader as CloudBase records it, `resource.path` the path in
 * the bucket without a leading '/', regex literals only through `.test(…) == true`).
 * - read: the images under the upload folders, by anyone (clients get them as temporary URLs from the functions
 *   anyway); nothing else.
 * - write (upload, overwrite, delete): a signed-in WeChat user, only a file they uploaded themselves
 *   (`resource.openid == auth.openid`: no overwriting or deleting another's file), and only at
 *   `<upload folder>/<one segment>/<file name>` (no other folder, no deeper path, no '..').
 * The documented rule language compares whole values and literal patterns only: it cannot build a pattern from
 * `auth.openid`, so "the segment is the uploader's own openid" is checked where the fileID is used, by the
 * functions (a photo whose path is not `<folder>/<caller's openid>/…` is refused).
 * Written with `[/]` instead of `\/` so that no escaping is lost between this file, JSON and the service.
 */
export const STORAGE_RULE: { read: string; write: string } = {
  read: `/^(${UPLOAD_FOLDERS.join('|')})[/]/.test(resource.path) == true`,
  write:
    'auth != null && auth.openid != null && resource.openid == auth.openid && ' +
    `/^(${UPLOAD_FOLDERS.join('|')})[/][A-Za-z0-9_-]+[/][A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(resource.path) == true`,
};

export interface TriggerPlan {
  name: string;
  type: string;
  config: string;
}

export interface FunctionPlan {
  name: string;
  runtime: string;
  timeout: number;
  triggers: TriggerPlan[];
  /** Cloud calls (`<category>.<method>`) the function declares in config.json `permissions.openapi`. */
  openapi: string[];
  /** The folder uploaded as the function's code. */
  path: string;
}

export interface IndexPlan {
  name: string;
  fields: string[];
  unique: boolean;
}

export interface CollectionPlan {
  name: string;
  indexes: IndexPlan[];
  rule: { read: boolean | string; write: boolean | string };
}

export interface Plan {
  env: string;
  functions: FunctionPlan[];
  collections: CollectionPlan[];
  storage: { rule: { read: string; write: string } };
}

interface FunctionConfig {
  timeout?: number;
  triggers?: Array<{ name?: unknown; type?: unknown; config?: unknown }>;
  permissions?: { openapi?: unknown };
}

/**
 * An index's name in CloudBase: its declared name, else its fields joined with '_' (as `data/indexes.ts` says), a
 * dotted path's '.' also made '_' so that the name is a plain word.
 */
export function indexName(spec: IndexSpec): string {
  return spec.name ?? spec.fields.join('_').replace(/\./g, '_');
}

function readConfig(file: string): FunctionConfig {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as FunctionConfig;
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

function functionPlan(name: string, dir: string): FunctionPlan {
  const config = readConfig(join(dir, 'config.json'));
  const triggers = (config.triggers ?? []).map((t, i) => {
    if (typeof t.name !== 'string' || typeof t.type !== 'string' || typeof t.config !== 'string') {
      throw new Error(`${name}/config.json: trigger ${i} needs a string name, type and config`);
    }
    return { name: t.name, type: t.type, config: t.config };
  });
  const openapi = config.permissions?.openapi ?? [];
  if (!Array.isArray(openapi) || openapi.some((a) => typeof a !== 'string')) {
    throw new Error(`${name}/config.json: permissions.openapi must be a list of names`);
  }
  return {
    name,
    runtime: RUNTIME,
    timeout: config.timeout ?? DEFAULT_TIMEOUT_S,
    triggers,
    openapi: [...(openapi as string[])],
    path: dir,
  };
}

/**
 * The plan for `env`. `sourceDir` is cloudfunctions/, `builtDir` dist/cloudfunctions/ (built beforehand): a function
 * is a source folder with an index.ts (shared code has none), uploaded from its built folder, so a stale build of a
 * removed function is never deployed.
 */
export function planFor(env: string, sourceDir: string, builtDir: string): Plan {
  const sources = readdirSync(sourceDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(sourceDir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
  const unbuilt = sources.filter((name) => !existsSync(join(builtDir, name, 'index.js')));
  if (unbuilt.length > 0) throw new Error(`not built yet: ${unbuilt.join(', ')} (run npm run build:cloud)`);
  const functions = sources.map((name) => functionPlan(name, join(builtDir, name)));
  const names = Object.keys(collections) as CollectionName[];
  return {
    env,
    functions,
    collections: names.map((name) => ({
      name,
      indexes: collections[name].indexes.map((spec: IndexSpec) => ({
        name: indexName(spec),
        fields: [...spec.fields],
        unique: spec.unique === true,
      })),
      rule: { ...COLLECTION_RULE },
    })),
    storage: { rule: { ...STORAGE_RULE } },
  };
}

/** The plan as `--dry-run --json` prints it: the local code paths left out. */
export function planJson(plan: Plan): unknown {
  return {
    ...plan,
    functions: plan.functions.map(({ path: _path, ...f }) => f),
  };
}
