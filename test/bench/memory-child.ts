/**
 * One drain in a fresh process, for the memory figure: RSS growth measured in a process that has
 * not already grown its heap on other figures' work. Prints the drain's result as JSON.
 */
import { benchDrain } from './drain';

const [work, providerJs, n] = process.argv.slice(2) as [string, string, string];
void benchDrain(work, providerJs, 'voltasis', Number(n), false).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
