import { it } from 'vitest';
import { providerSchema } from '../../src/config/schema.js';
import { callWithRetry } from '../../src/providers/call-with-retry.js';
import { createLimiter } from '../../src/providers/limiter.js';
import { createOpenAIProvider } from '../../src/providers/openai-provider.js';
import { startModelServer } from '../../test/support/model-server.js';

async function trial(latencyMs: number, maxInFlight: number, calls: number, retryAfterMs: number | 'auto' = 'auto', conc: number | 'auto' = 'auto') {
  const server = await startModelServer({ latencyMs, maxInFlight, retryAfterMs });
  const p = createOpenAIProvider(providerSchema.parse({ model: 'm', base_url: server.url }), { env: {}, timeoutMs: 10000 });
  const limiter = createLimiter(conc);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: calls }, (_, i) => callWithRetry(p, { model: 'm', messages: [{ role: 'user', content: `q${i}` }] }, { limiter })));
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const ideal = (calls * latencyMs) / maxInFlight;
  console.log(`lat=${latencyMs} max=${maxInFlight} calls=${calls} ra=${retryAfterMs} c=${conc}: wall=${wall.toFixed(0)} ideal=${ideal} ratio=${(wall / ideal).toFixed(3)} 429s=${server.stats.rateLimited} limit=${limiter.limit} serverMax=${server.stats.maxInFlight} cpu/call=${((cpu.user + cpu.system) / 1000 / calls).toFixed(3)}ms`);
  await server.close();
}
it('conv', async () => {
  await trial(20, 8, 400, 'auto', 8);
  await trial(100, 32, 1200, 'auto', 32);
  await trial(20, 8, 400);
  await trial(20, 8, 400);
  await trial(100, 32, 1200);
  await trial(100, 32, 1200, 100);
  await trial(100, 32, 1200, 1000);
  await trial(20, 8, 400, 20);
}, 120000);
