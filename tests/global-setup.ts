// Builds the emulator once before the suites that spawn it.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function globalSetup(): void {
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build-emulator.mjs')], { stdio: 'inherit' });
}
