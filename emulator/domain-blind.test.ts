// The emulator is a local CloudBase for any application: nothing under emulator/ may import the shop.
// The shop hands it its collections, indexes and seeds instead (scripts/emulator-config.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..');
const FORBIDDEN = ['cloudfunctions', 'scripts', 'src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.[cm]?[jt]sx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Module specifiers of a file: imports (type-only too), export-from, require(), import(), reference paths. */
function specifiers(text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return [...info.importedFiles, ...info.referencedFiles].map((ref) => ref.fileName);
}

/** The forbidden folder a specifier reaches from `file`, if any (tsconfig's baseUrl and `@/` alias included). */
function forbiddenTarget(file: string, specifier: string): string | undefined {
  let target: string;
  if (specifier.startsWith('.') || specifier.startsWith('/')) target = resolve(dirname(file), specifier);
  else if (specifier.startsWith('@/')) target = join(ROOT, 'src', specifier.slice(2));
  else target = join(ROOT, specifier);
  const top = relative(ROOT, target).split(sep)[0];
  return FORBIDDEN.includes(top) ? top : undefined;
}

function violations(file: string, text: string): string[] {
  return specifiers(text)
    .filter((specifier) => forbiddenTarget(file, specifier) !== undefined)
    .map((specifier) => `${relative(ROOT, file)}: ${specifier}`);
}

test('nothing under emulator/ imports from cloudfunctions/, scripts/ or src/', () => {
  const files = sourceFiles(join(ROOT, 'emulator'));
  expect(files).toContain(__filename);
  expect(files.flatMap((file) => violations(file, readFileSync(file, 'utf8')))).toEqual([]);
});

test('the check sees every form of import', () => {
  const file = join(ROOT, 'emulator', 'runtime', 'x.ts');
  const text = [
    "import type { A } from '../../cloudfunctions/data/indexes';",
    "import '../../scripts/seed/demo';",
    "export { b } from '@/lib/b';",
    "const c = require('../../src/c');",
    "const d = import('cloudfunctions/core/d');",
    "import { e } from '../store';",
    "import { f } from 'node:path';",
    "import { g } from '../../tests/emulator/harness';",
  ].join('\n');
  expect(violations(file, text).map((v) => v.split(': ')[1])).toEqual([
    '../../cloudfunctions/data/indexes',
    '../../scripts/seed/demo',
    '@/lib/b',
    '../../src/c',
    'cloudfunctions/core/d',
  ]);
});
