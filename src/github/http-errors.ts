// Octokit throws RequestError with a numeric `status`; adapters turn the expected ones
// (403 without permission, 404 missing) into values instead of exceptions.
export function httpStatus(e: unknown): number | undefined {
  const status = (e as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

export function errorMessage(e: unknown): string {
  const data = (e as { response?: { data?: { message?: unknown } } } | null)?.response?.data;
  if (typeof data?.message === 'string' && data.message) return data.message;
  return e instanceof Error ? e.message : String(e);
}
