// A provider's identity and locality from its base URL, apart from the client itself so that
// planning (cache keys) needs no `openai` package: a fully cached run never loads it.

/** Host + path of the base URL: the provider's identity in cache keys (never the key). */
export function endpointOf(baseUrl: string): string {
  const u = new URL(baseUrl);
  return `${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

/** Local servers (Ollama, vLLM, LM Studio, the test server) usually need no key. */
export function isLoopback(baseUrl: string): boolean {
  const h = new URL(baseUrl).hostname;
  return h === 'localhost' || h.endsWith('.localhost') || /^127\./.test(h) || h === '[::1]' || h === '::1';
}
