// `npm run lint`'s second half: no line of the project's own files is over 120 characters. Biome's formatter wraps
// code; this also holds comments and strings, which a formatter leaves as they are. (Markdown is prose: left out.)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX = 120;
const CHECKED = /\.(ts|tsx|js|mjs|cjs|scss|css|json|yml|yaml|sh)$|(^|\/)\.ci\/run$/;
const SKIPPED = /(^|\/)(package-lock\.json|BENCHMARKS\.md)$|^bench\/empty-taro-app\//;

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && CHECKED.test(f) && !SKIPPED.test(f));
const long = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // deleted in the work tree
  }
  text.split('\n').forEach((line, i) => {
    if ([...line].length > MAX) long.push(`${file}:${i + 1}: ${[...line].length} characters`);
  });
}
if (long.length > 0) {
  console.error(`${long.length} line(s) over ${MAX} characters:\n${long.join('\n')}`);
  process.exit(1);
}
console.log(`${files.length} files, no line over ${MAX} characters`);
