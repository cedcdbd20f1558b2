import { it } from 'vitest';
import { providerSchema } from '../../src/config/schema.js';
import { callWithRetry } from '../../src/providers/call-with-retry.js';
import { createLimiter } from '../../src/providers/limiter.js';
import { createOpenAIProvider } from '../../src/providers/openai-provider.js';
import { startModelServer } from '../support/model-server.js';

async function trial(latencyMs: number, maxInFlight: number, calls: number, conc: number | 'auto') {
  const server = await startModelServer({ latencyMs, maxInFlight });
  const p = createOpenAIProvider(providerSchema.parse({ model: 'm', base_url: server.url }), { env: {}, timeoutMs: 10000 });
  const limiter = createLimiter(conc);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: calls }, (_, i) => callWithRetry(p, { model: 'm', messages: [{ role: 'user', content: `q${i}` }] }, { limiter })));
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const ideal = (calls * latencyMs) / maxInFlight;
  console.log(`lat=${latencyMs} max=${maxInFlight} calls=${calls} c=${conc}: ratio=${(wall / ideal).toFixed(3)} 429s=${server.stats.rateLimited} cpu/call=${((cpu.user + cpu.system) / 1000 / calls).toFixed(3)}ms`);
  await server.close();
}
it('conv', async () => {
  for (const lat of [20, 50]) for (const c of [8, 'auto', 8, 'auto'] as const) await trial(lat, 8, 400, c);
}, 120000);
