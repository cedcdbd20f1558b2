// The check run on the PR's head SHA. GitHub accepts at most 50 annotations per request, so
// the run is created with the first 50 and updated with the rest in batches (GitHub appends).
import type { Octokit } from '@octokit/rest';
import { errorMessage, httpStatus } from './http-errors.js';

export const ANNOTATIONS_PER_REQUEST = 50;
export const MAX_OUTPUT_CHARS = 65_535;

export type CheckConclusion = 'success' | 'neutral' | 'failure';

export interface CheckAnnotation {
  path: string;
  line: number;
  message: string;
  title?: string;
  level?: 'notice' | 'warning' | 'failure';
}

export interface PublishCheckRunOptions {
  owner: string;
  repo: string;
  headSha: string;
  name: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  text?: string;
  annotations: CheckAnnotation[];
  detailsUrl?: string;
}

export type PublishCheckRunResult =
  { ok: true; id: number; url: string; annotations: number; requests: number } | { ok: false; reason: string };

export async function publishCheckRun(octokit: Octokit, opts: PublishCheckRunOptions): Promise<PublishCheckRunResult> {
  const { owner, repo } = opts;
  const title = capText(opts.title, 255);
  const summary = capText(opts.summary, MAX_OUTPUT_CHARS);
  const text = opts.text === undefined ? undefined : capText(opts.text, MAX_OUTPUT_CHARS);
  const defaultLevel = opts.conclusion === 'failure' ? 'failure' : 'warning';
  const annotations = opts.annotations.map((a) => ({
    path: a.path,
    start_line: Math.max(1, Math.trunc(a.line)),
    end_line: Math.max(1, Math.trunc(a.line)),
    annotation_level: a.level ?? defaultLevel,
    message: capText(a.message, 64_000),
    ...(a.title ? { title: capText(a.title, 255) } : {}),
  }));
  const batches: (typeof annotations)[] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  try {
    const { data } = await octokit.rest.checks.create({
      owner,
      repo,
      name: opts.name,
      head_sha: opts.headSha,
      status: 'completed',
      conclusion: opts.conclusion,
      completed_at: new Date().toISOString(),
      ...(opts.detailsUrl ? { details_url: opts.detailsUrl } : {}),
      output: { title, summary, ...(text !== undefined ? { text } : {}), annotations: batches[0] ?? [] },
    });
    for (const batch of batches.slice(1)) {
      await octokit.rest.checks.update({
        owner,
        repo,
        check_run_id: data.id,
        output: { title, summary, annotations: batch },
      });
    }
    return {
      ok: true,
      id: data.id,
      url: data.html_url ?? '',
      annotations: annotations.length,
      requests: Math.max(1, batches.length),
    };
  } catch (e) {
    if (httpStatus(e) === 403) return { ok: false, reason: errorMessage(e) };
    throw e;
  }
}

// A safety net: renderers should fit their text already. Cut at a line end when possible.
function capText(s: string, max: number): string {
  if (s.length <= max) return s;
  const note = '\n\n… (truncated; the job summary has the full report)';
  const room = max - note.length;
  const cut = s.lastIndexOf('\n', room);
  return `${s.slice(0, cut > room / 2 ? cut : room)}${note}`;
}
