/**
 * The app runtime as the Electron main starts it (core + sync worker + desk + data_version watch),
 * on a data folder the parent prepared (two accounts, a running timer), with no window. Prints
 * `ready` once started; the parent measures it idle from then on.
 */
import { startAppRuntime } from '../../electron/core/app-runtime';
import { nodeFetch } from '../../electron/core/sync/node-fetch';

const [dataDir, token] = process.argv.slice(2) as [string, string];
const runtime = startAppRuntime({ dataDir, host: 'electron', version: 'bench', fetch: nodeFetch, tokenFor: () => token, zone: 'Europe/Amsterdam' });
// The parent asks for this process's CPU time (µs, process.cpuUsage) with SIGUSR2.
process.on('SIGUSR2', () => process.stdout.write(`${JSON.stringify(process.cpuUsage())}\n`));
// The runtime's timers are unref'd (the Electron app is what keeps its process alive): this
// stands in for that, an interval that never fires.
setInterval(() => {}, 2 ** 30);
process.stdout.write('ready\n');
process.on('SIGTERM', () => void runtime.close().then(() => process.exit(0)));
