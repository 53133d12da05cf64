// Builds the emulator and the cloud functions once before the suites that spawn the emulator on them.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function globalSetup(): void {
  for (const script of ['build-emulator.mjs', 'build-cloud.mjs']) {
    execFileSync(process.execPath, [join(__dirname, '..', 'scripts', script)], { stdio: 'inherit' });
  }
}
