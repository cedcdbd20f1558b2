// Short fixed texts the Action posts or writes. Pure; the report renderers cover real results.
import { plural } from '../compare/format.js';

export const FORK_NOTE =
  '### promptgate: skipped (fork pull request)\n\n' +
  'This pull request comes from a fork. On `pull_request` a fork gets no secrets, so promptgate cannot call the model, ' +
  'and it posts nothing. To evaluate fork PRs, run promptgate on `pull_request_target` (it reads the head only as data ' +
  'and never executes it), or ask a maintainer to comment `/promptgate run`.\n';

export interface NoChangesInput {
  marker: string;
  changedFiles: number;
  suites: string[];
  baseSha: string;
  headSha: string;
}

/** The result for a PR that touches nothing a suite depends on: said plainly, never silence. */
export function noPromptChanges(n: NoChangesInput): { title: string; summary: string; comment: string } {
  const title = 'promptgate: no prompt changes';
  const what = n.suites.length
    ? `none of the ${plural(n.suites.length, 'suite')} (${n.suites.map((s) => `\`${s.replace(/`/g, "'")}\``).join(', ')}) depends on them`
    : 'no suite is configured';
  const summary =
    `### ⏭️ ${title}\n\n` +
    `This pull request changes ${plural(n.changedFiles, 'file')}; ${what}, so nothing was evaluated and no model was called.\n\n` +
    `<sub>base ${n.baseSha.slice(0, 7)} → head ${n.headSha.slice(0, 7)}</sub>\n`;
  return { title, summary, comment: `${n.marker}\n${summary}` };
}

/**
 * Reply to a malformed `/promptgate` command from someone allowed to run it. No line starts
 * with `/promptgate`, so the reply is never read as a command itself (e.g. when a PAT posts it).
 */
export function commandUsageReply(error: string): string {
  return `promptgate could not read that command: ${error}.\n\nFor example: \`/promptgate run\` or \`/promptgate run --repeats 5\`.\n`;
}
