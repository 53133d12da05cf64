// Builds once before the suites: the emulator and the cloud functions (the node suites spawn the emulator on
// them) and the ProductCard as a native weapp component (the mini suites load it in miniprogram-simulate).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function globalSetup(): void {
  for (const script of ['build-emulator.mjs', 'build-cloud.mjs', 'mini-components.mjs']) {
    execFileSync(process.execPath, [join(__dirname, '..', 'scripts', script)], { stdio: 'inherit' });
  }
}
