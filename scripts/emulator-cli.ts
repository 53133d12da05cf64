// Entry point of the emulator for the shop, bundled to dist/emulator/cli.js (scripts/build-emulator.mjs):
//   npm run emulator -- --port 10086 --data .data --seed demo|none [--functions …] [--h5 …] [--no-timers] [--warm N]
import { runEmulatorCli } from '../emulator/cli';
import { shopEmulatorConfig } from './emulator-config';

runEmulatorCli(shopEmulatorConfig);
