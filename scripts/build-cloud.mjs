// Bundles each cloud function with esbuild into dist/cloudfunctions/<fn>/: index.js, a package.json that
// depends on wx-server-sdk (kept external: CloudBase installs it, "云端安装依赖") and the function's config.json.
// The result uploads to CloudBase unchanged.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, copyFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'cloudfunctions');
// Shared code, never a function (`flows` has no index.ts; listed so that it can never be taken for one).
const SHARED = new Set(['contracts', 'core', 'data', 'flows', 'platform']);
const sdkVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies['wx-server-sdk'];

export function functionNames() {
  return readdirSync(source).filter((name) => !SHARED.has(name) && existsSync(join(source, name, 'index.ts')));
}

export async function buildCloud(outRoot = join(root, 'dist/cloudfunctions')) {
  const names = functionNames();
  for (const name of names) {
    const out = join(outRoot, name);
    mkdirSync(out, { recursive: true });
    await build({
      entryPoints: [join(source, name, 'index.ts')],
      outfile: join(out, 'index.js'),
      bundle: true,
      platform: 'node',
      // CloudBase's Nodejs16.13 runtime (scripts/deploy/plan.ts RUNTIME) and later: its exact version, so syntax it
      // runs (optional chaining) is not rewritten for older 16.x releases.
      target: 'node16.13',
      format: 'cjs',
      external: ['wx-server-sdk'],
      minify: true,
      // Chinese text (error messages, timeline labels) as UTF-8, 3 bytes a character, not \uXXXX escapes (6 bytes).
      charset: 'utf8',
      keepNames: true,
      legalComments: 'none',
      logLevel: 'warning',
    });
    const pkg = {
      name,
      version: '1.0.0',
      private: true,
      main: 'index.js',
      dependencies: { 'wx-server-sdk': sdkVersion },
    };
    writeFileSync(join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    const config = join(source, name, 'config.json');
    if (existsSync(config)) copyFileSync(config, join(out, 'config.json'));
    else writeFileSync(join(out, 'config.json'), '{}\n');
  }
  return names;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = await buildCloud();
  console.log(`built ${names.length} cloud function(s) into dist/cloudfunctions: ${names.join(', ')}`);
}
