// The yardstick of `npm run bench`: the least a client can do for the same calls. node:http
// with a keep-alive agent, a fixed number in flight, the same request bodies promptgate sends
// (one user message, temperature 0, max_tokens), the answer parsed as JSON, a 429 waited out
// (retry-after-ms) and retried. Run as its own process like the CLI, so both pay a start-up.
//   node bench/bare-client.mjs URL CALLS CONCURRENCY  → prints {"done","rateLimited"} on stdout
import http from 'node:http';

const [base, callsArg, concArg] = process.argv.slice(2);
const calls = Number(callsArg);
const concurrency = Number(concArg);
const url = new URL(`${base}/chat/completions`);
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const fruits = ['apple', 'pear', 'plum', 'kiwi', 'fig', 'lime'];

function post(i) {
  const body = JSON.stringify({
    model: 'bench-model',
    messages: [{ role: 'user', content: `Name the fruit in one word.\n\nitem ${i} -> ${fruits[i % 6]}\n` }],
    temperature: 0,
    max_tokens: 64,
  });
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer sk-bench',
        'content-length': Buffer.byteLength(body),
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, json: JSON.parse(Buffer.concat(chunks)) }),
      );
    });
    req.end(body);
  });
}

let next = 0;
let done = 0;
let rateLimited = 0;
async function worker() {
  while (next < calls) {
    const i = next++;
    for (;;) {
      const r = await post(i);
      if (r.status !== 429) break;
      rateLimited++;
      await new Promise((res) => setTimeout(res, Number(r.headers['retry-after-ms'] ?? 10)));
    }
    done++;
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
agent.destroy();
process.stdout.write(JSON.stringify({ done, rateLimited }));
