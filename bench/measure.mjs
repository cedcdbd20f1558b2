// Runs a Node script in this process and, at exit, writes its CPU time and peak RSS as JSON to
// the file named first: `node bench/measure.mjs OUT.json dist/cli.js compare ...`.
// Measuring inside the child is exact (process.cpuUsage, µs) and needs no /usr/bin/time.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [out, script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => {
  const cpu = process.cpuUsage();
  writeFileSync(
    out,
    JSON.stringify({
      cpuMs: (cpu.user + cpu.system) / 1000,
      userMs: cpu.user / 1000,
      sysMs: cpu.system / 1000,
      maxRssKb: process.resourceUsage().maxRSS,
    }),
  );
});
await import(pathToFileURL(resolve(script)).href);
