// A loopback stand-in for the parts of GitHub's REST API promptgate calls. In-memory state,
// real HTTP (so the real Octokit with its retry/throttling/pagination plugins is exercised),
// and every request and response checked against GitHub's OpenAPI description: a mismatch is
// recorded in `violations` (tests assert it stays empty) and answered 400 (request) or 500
// (our own reply) so the client notices too.
//
//   const gh = await startGitHubServer({ permissions: { alice: 'write' } });
//   const octokit = createOctokit({ token: 't', baseUrl: gh.url, log });
//   ... ; expect(gh.violations).toEqual([]); await gh.close();
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GitHubOpenApi, type MatchedOperation } from './github-openapi.js';

export type OperationId =
  | 'issues/list-comments'
  | 'issues/create-comment'
  | 'issues/update-comment'
  | 'reactions/create-for-issue-comment'
  | 'checks/create'
  | 'checks/update'
  | 'repos/get-collaborator-permission-level'
  | 'users/get-authenticated'
  | 'pulls/get'
  | IssueOperationId;

/** Drift watch's tracking issue (src/github/issues.ts). */
export type IssueOperationId =
  'issues/list-for-repo' | 'issues/create' | 'issues/update' | 'issues/get-label' | 'issues/create-label';

export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export const GITHUB_ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export interface StoredComment {
  id: number;
  issueNumber: number;
  body: string;
  user: FakeUser;
  createdAt: string;
  updatedAt: string;
  updates: number;
}

export interface StoredAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  message: string;
  title?: string;
}

export interface StoredCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: StoredAnnotation[];
  /** Number of PATCH requests received for this run. */
  updates: number;
}

export interface StoredReaction {
  id: number;
  commentId: number;
  content: string;
  user: FakeUser;
}

export interface StoredPull {
  number: number;
  baseSha: string;
  headSha: string;
  baseRef: string;
  headRef: string;
  /** owner/repo of the head; defaults to the base repo (not a fork). */
  headRepo?: string;
  state?: 'open' | 'closed';
}

// ---- issues and labels (drift watch) ----
export interface StoredIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  user: FakeUser;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** PATCH requests received for this issue. */
  updates: number;
  /** A pull request's issue (listed with a `pull_request` link, as GitHub lists them). */
  pullRequest?: boolean;
}

export interface StoredLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface RecordedRequest {
  operationId: string | undefined;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

export interface InjectedFailure {
  status: number;
  message?: string;
  headers?: Record<string, string>;
  /** How many matching requests fail (default: all of them). */
  times?: number;
}

export interface GitHubServerOptions {
  owner?: string;
  repo?: string;
  /** When set, requests must send this token (else 401). */
  token?: string;
  /** Author of everything the client writes. Default github-actions[bot]. */
  actor?: FakeUser;
  /** GITHUB_TOKEN cannot call GET /user (403); a PAT can. Default false. */
  userEndpoint?: boolean;
  /** Role per login for the collaborator-permission endpoint; other logins get 404. */
  permissions?: Record<string, Role>;
  pulls?: StoredPull[];
}

export interface GitHubServer {
  url: string;
  owner: string;
  repo: string;
  actor: FakeUser;
  comments: StoredComment[];
  checkRuns: StoredCheckRun[];
  reactions: StoredReaction[];
  permissions: Map<string, Role>;
  pulls: Map<number, StoredPull>;
  issues: StoredIssue[];
  labels: StoredLabel[];
  requests: RecordedRequest[];
  violations: string[];
  /** Make the next `times` requests of an operation fail with this status. */
  fail(operationId: OperationId, failure: InjectedFailure): void;
  /** Seeds a comment as if someone else (or we, earlier) had written it. */
  addComment(issueNumber: number, body: string, user?: FakeUser): StoredComment;
  /** Seeds an issue (someone else's by default), numbered after every comment's issue. */
  addIssue(issue: Partial<StoredIssue> & { title: string }): StoredIssue;
  /** Requests for one operation (convenience for assertions). */
  calls(operationId: OperationId): RecordedRequest[];
  close(): Promise<void>;
}

const LEGACY_PERMISSION: Record<Role, string> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none',
};

let sharedApi: GitHubOpenApi | undefined;

export async function startGitHubServer(opts: GitHubServerOptions = {}): Promise<GitHubServer> {
  const api = (sharedApi ??= new GitHubOpenApi());
  const owner = opts.owner ?? 'octo-org';
  const repo = opts.repo ?? 'prompts';
  const actor = opts.actor ?? GITHUB_ACTIONS_BOT;
  const failures = new Map<string, InjectedFailure[]>();
  let nextId = 1000;
  let nextIssueNumber = 100;
  let clock = Date.UTC(2025, 0, 1);
  const now = () => new Date((clock += 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');

  const server: GitHubServer = {
    url: '',
    owner,
    repo,
    actor,
    comments: [],
    checkRuns: [],
    reactions: [],
    permissions: new Map(Object.entries(opts.permissions ?? {})),
    pulls: new Map((opts.pulls ?? []).map((p) => [p.number, p])),
    issues: [],
    labels: [],
    requests: [],
    violations: [],
    fail(operationId, failure) {
      const list = failures.get(operationId) ?? [];
      list.push({ ...failure, times: failure.times ?? Number.POSITIVE_INFINITY });
      failures.set(operationId, list);
    },
    addComment(issueNumber, body, user = { login: 'someone', id: 7, type: 'User' }) {
      const t = now();
      const c = { id: nextId++, issueNumber, body, user, createdAt: t, updatedAt: t, updates: 0 };
      server.comments.push(c);
      return c;
    },
    addIssue(issue) {
      const t = now();
      const stored: StoredIssue = {
        number: nextIssueNumber++,
        body: '',
        state: 'open',
        stateReason: null,
        labels: [],
        user: { login: 'someone', id: 7, type: 'User' },
        createdAt: t,
        updatedAt: t,
        closedAt: null,
        updates: 0,
        ...issue,
      };
      server.issues.push(stored);
      return stored;
    },
    calls(operationId) {
      return server.requests.filter((r) => r.operationId === operationId);
    },
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };

  // ---- reply builders: the description's own examples with our state filled in ----
  const apiBase = () => server.url;
  const userJson = (u: FakeUser) => {
    const t = api.example('issue-comment').user;
    const url = `${apiBase()}/users/${encodeURIComponent(u.login)}`;
    // Apps appear as `name[bot]`; their page is /apps/name (brackets are not valid in a URI).
    const page = u.type === 'Bot' ? `apps/${u.login.replace(/\[bot\]$/, '')}` : encodeURIComponent(u.login);
    return {
      ...t,
      login: u.login,
      id: u.id,
      type: u.type,
      node_id: `U_${u.id}`,
      url,
      html_url: `https://github.com/${page}`,
    };
  };
  const commentJson = (c: StoredComment) => ({
    ...api.example('issue-comment'),
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${apiBase()}/repos/${owner}/${repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${apiBase()}/repos/${owner}/${repo}/issues/${c.issueNumber}`,
    body: c.body,
    user: userJson(c.user),
    author_association: c.user.type === 'Bot' ? 'NONE' : 'COLLABORATOR',
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  });
  const checkRunJson = (r: StoredCheckRun) => {
    const t = api.example('check-run');
    return {
      ...t,
      id: r.id,
      node_id: `CR_${r.id}`,
      head_sha: r.headSha,
      name: r.name,
      url: `${apiBase()}/repos/${owner}/${repo}/check-runs/${r.id}`,
      html_url: `https://github.com/${owner}/${repo}/runs/${r.id}`,
      status: r.status,
      conclusion: r.conclusion,
      completed_at: r.status === 'completed' ? now() : null,
      output: {
        ...r.output,
        annotations_count: r.annotations.length,
        annotations_url: `${apiBase()}/repos/${owner}/${repo}/check-runs/${r.id}/annotations`,
      },
      pull_requests: [],
    };
  };
  const pullJson = (p: StoredPull) => {
    const t = api.example('pull-request');
    const headRepo = p.headRepo ?? `${owner}/${repo}`;
    const [headOwner = owner, headName = repo] = headRepo.split('/');
    return {
      ...t,
      number: p.number,
      state: p.state ?? 'open',
      url: `${apiBase()}/repos/${owner}/${repo}/pulls/${p.number}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${p.number}`,
      // the example lists teams without the now-required `type`; we have none anyway
      requested_teams: [],
      base: {
        ...t.base,
        sha: p.baseSha,
        ref: p.baseRef,
        label: `${owner}:${p.baseRef}`,
        repo: { ...t.base.repo, name: repo, full_name: `${owner}/${repo}`, fork: false },
      },
      head: {
        ...t.head,
        sha: p.headSha,
        ref: p.headRef,
        label: `${headOwner}:${p.headRef}`,
        repo: { ...t.head.repo, name: headName, full_name: headRepo, fork: headRepo !== `${owner}/${repo}` },
      },
    };
  };
  const labelJson = (l: StoredLabel) => ({
    ...api.example('label'),
    id: l.id,
    node_id: `LA_${l.id}`,
    url: `${apiBase()}/repos/${owner}/${repo}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    color: l.color,
    description: l.description,
    default: false,
  });
  const issueJson = (i: StoredIssue) => {
    // the example is a pull request's issue; a plain issue has no `pull_request`
    const { pull_request: pr, ...t } = api.example('issue');
    const url = `${apiBase()}/repos/${owner}/${repo}/issues/${i.number}`;
    return {
      ...t,
      id: 5000 + i.number,
      node_id: `I_${i.number}`,
      number: i.number,
      url,
      repository_url: `${apiBase()}/repos/${owner}/${repo}`,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `https://github.com/${owner}/${repo}/issues/${i.number}`,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.stateReason,
      user: userJson(i.user),
      labels: i.labels.map((name) => labelJson(findLabel(name) ?? { id: 0, name, color: 'ededed', description: null })),
      assignee: null,
      assignees: [],
      milestone: null,
      comments: server.comments.filter((c) => c.issueNumber === i.number).length,
      closed_at: i.closedAt,
      closed_by: null,
      created_at: i.createdAt,
      updated_at: i.updatedAt,
      author_association: i.user.type === 'Bot' ? 'NONE' : 'COLLABORATOR',
      ...(i.pullRequest ? { pull_request: pr } : {}),
    };
  };
  const findLabel = (name: string) => server.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
  const error = (status: number, message: string) => ({
    status,
    body: { message, documentation_url: 'https://docs.github.com/rest', status: String(status) },
  });

  type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

  function handle(m: MatchedOperation, url: URL, body: any): Reply {
    const p = m.pathParams;
    if ('owner' in p && (p.owner !== owner || p.repo !== repo)) return error(404, 'Not Found');
    switch (m.operationId) {
      case 'issues/list-comments': {
        const issue = Number(p.issue_number);
        const all = server.comments.filter((c) => c.issueNumber === issue).sort((a, b) => a.id - b.id);
        return onePage(url, all, commentJson);
      }
      case 'issues/create-comment': {
        const c = server.addComment(Number(p.issue_number), body.body, actor);
        return { status: 201, body: commentJson(c), headers: { location: commentJson(c).url } };
      }
      case 'issues/update-comment': {
        const c = server.comments.find((x) => x.id === Number(p.comment_id));
        if (!c) return error(404, 'Not Found');
        if (c.user.login !== actor.login) return error(403, 'Resource not accessible by integration');
        c.body = body.body;
        c.updatedAt = now();
        c.updates++;
        return { status: 200, body: commentJson(c) };
      }
      case 'reactions/create-for-issue-comment': {
        const commentId = Number(p.comment_id);
        if (!server.comments.some((c) => c.id === commentId)) return error(404, 'Not Found');
        const existing = server.reactions.find(
          (r) => r.commentId === commentId && r.content === body.content && r.user.login === actor.login,
        );
        const r = existing ?? { id: nextId++, commentId, content: body.content, user: actor };
        if (!existing) server.reactions.push(r);
        const json = {
          ...api.example('reaction'),
          id: r.id,
          node_id: `R_${r.id}`,
          user: userJson(r.user),
          content: r.content,
          created_at: now(),
        };
        return { status: existing ? 200 : 201, body: json };
      }
      case 'checks/create': {
        const run: StoredCheckRun = {
          id: nextId++,
          name: body.name,
          headSha: body.head_sha,
          status: body.status ?? (body.conclusion ? 'completed' : 'queued'),
          conclusion: body.conclusion ?? null,
          output: {
            title: body.output?.title ?? null,
            summary: body.output?.summary ?? null,
            text: body.output?.text ?? null,
          },
          annotations: [...(body.output?.annotations ?? [])],
          updates: 0,
        };
        if (run.status === 'completed' && !run.conclusion)
          return { status: 422, body: validationError('conclusion is required when status is completed') };
        server.checkRuns.push(run);
        return { status: 201, body: checkRunJson(run) };
      }
      case 'checks/update': {
        const run = server.checkRuns.find((r) => r.id === Number(p.check_run_id));
        if (!run) return error(404, 'Not Found');
        run.updates++;
        if (body.name) run.name = body.name;
        if (body.status) run.status = body.status;
        if (body.conclusion) {
          run.conclusion = body.conclusion;
          run.status = 'completed';
        }
        if (body.output) {
          run.output = {
            title: body.output.title ?? run.output.title,
            summary: body.output.summary ?? run.output.summary,
            text: body.output.text ?? run.output.text,
          };
          // GitHub appends annotations sent with an update.
          run.annotations.push(...(body.output.annotations ?? []));
        }
        return { status: 200, body: checkRunJson(run) };
      }
      case 'repos/get-collaborator-permission-level': {
        const role = server.permissions.get(p.username!);
        if (!role) return error(404, `${p.username} is not a user`);
        const base = api.example('repository-collaborator-permission-response-if-user-has-admin-permissions');
        const rank = ['none', 'read', 'triage', 'write', 'maintain', 'admin'].indexOf(role);
        const permissions = {
          pull: rank >= 1,
          triage: rank >= 2,
          push: rank >= 3,
          maintain: rank >= 4,
          admin: rank >= 5,
        };
        const user = { ...userJson({ login: p.username!, id: 500, type: 'User' }), permissions, role_name: role };
        return { status: 200, body: { ...base, permission: LEGACY_PERMISSION[role], role_name: role, user } };
      }
      case 'users/get-authenticated': {
        if (!opts.userEndpoint) return error(403, 'Resource not accessible by integration');
        const t = api.example('private-user-response-with-public-profile-information');
        return { status: 200, body: { ...t, ...userJson(actor) } };
      }
      case 'pulls/get': {
        const pull = server.pulls.get(Number(p.pull_number));
        if (!pull) return error(404, 'Not Found');
        return { status: 200, body: pullJson(pull) };
      }
      default:
        return handleIssues(m, url, body);
    }
  }

  // ---- issues and labels (drift watch) ----
  function handleIssues(m: MatchedOperation, url: URL, body: any): Reply {
    const p = m.pathParams;
    switch (m.operationId) {
      case 'issues/list-for-repo': {
        const state = url.searchParams.get('state') ?? 'open';
        const wanted = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
        const direction = url.searchParams.get('direction') ?? 'desc';
        const all = server.issues
          .filter((i) => state === 'all' || i.state === state)
          .filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w.toLowerCase())))
          .sort((a, b) => (direction === 'asc' ? a.number - b.number : b.number - a.number));
        return onePage(url, all, issueJson);
      }
      case 'issues/create': {
        const labels = (body.labels ?? []).map((l: string | { name: string }) => (typeof l === 'string' ? l : l.name));
        // GitHub creates a label named on a new issue that does not exist yet
        for (const name of labels)
          if (!findLabel(name)) server.labels.push({ id: nextId++, name, color: 'ededed', description: null });
        const i = server.addIssue({ title: String(body.title), body: body.body ?? '', labels, user: actor });
        const json = issueJson(i);
        return { status: 201, body: json, headers: { location: json.url } };
      }
      case 'issues/update': {
        const i = server.issues.find((x) => x.number === Number(p.issue_number));
        if (!i) return error(404, 'Not Found');
        i.updates++;
        if (body.title !== undefined) i.title = String(body.title);
        if (body.body !== undefined) i.body = body.body ?? '';
        if (body.state && body.state !== i.state) {
          i.state = body.state;
          i.closedAt = body.state === 'closed' ? now() : null;
          i.stateReason = body.state === 'closed' ? (body.state_reason ?? 'completed') : 'reopened';
        } else if (body.state_reason !== undefined) i.stateReason = body.state_reason;
        i.updatedAt = now();
        return { status: 200, body: issueJson(i) };
      }
      case 'issues/create-label': {
        if (findLabel(body.name)) return { status: 422, body: validationError('already_exists') };
        const l: StoredLabel = {
          id: nextId++,
          name: body.name,
          color: body.color ?? 'ededed',
          description: body.description ?? null,
        };
        server.labels.push(l);
        return { status: 201, body: labelJson(l), headers: { location: labelJson(l).url } };
      }
      default:
        return error(404, `stand-in has no handler for ${m.operationId}`);
    }
  }

  const http = createServer((req, res) => {
    readBody(req)
      .then((raw) => respond(req, res, raw))
      .catch((e: Error) => {
        server.violations.push(`stand-in crashed on ${req.method} ${req.url}: ${e.stack ?? e.message}`);
        send(res, 500, { message: e.message });
      });
  });

  function respond(req: IncomingMessage, res: ServerResponse, raw: string) {
    const url = new URL(req.url ?? '/', server.url);
    const method = req.method ?? 'GET';
    const rec: RecordedRequest = {
      operationId: undefined,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      status: 0,
    };
    server.requests.push(rec);
    const finish = (reply: Reply) => {
      rec.status = reply.status;
      send(res, reply.status, reply.body, reply.headers);
    };
    const m = api.match(method, url.pathname);
    if (!m) {
      server.violations.push(`${method} ${url.pathname}: not an operation of the OpenAPI subset`);
      return finish(error(404, 'Not Found'));
    }
    rec.operationId = m.operationId;
    if (opts.token !== undefined) {
      const auth = req.headers.authorization ?? '';
      if (auth !== `token ${opts.token}` && auth !== `Bearer ${opts.token}`)
        return finish(error(401, 'Bad credentials'));
    }
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        server.violations.push(`${m.operationId}: request body is not JSON`);
        return finish(error(400, 'Problems parsing JSON'));
      }
    }
    rec.body = body;
    const reqProblems = api.validateRequest(m, url.searchParams, body);
    if (reqProblems.length > 0) {
      server.violations.push(...reqProblems.map((p) => `${m.operationId}: ${p}`));
      return finish({ status: 400, body: { message: `invalid request: ${reqProblems.join('; ')}` } });
    }
    const queue = failures.get(m.operationId);
    const injected = queue?.find((f) => (f.times ?? 0) > 0);
    let reply: Reply;
    let declaredOnly: boolean;
    if (injected) {
      injected.times = (injected.times ?? 1) - 1;
      reply = {
        ...error(injected.status, injected.message ?? 'Resource not accessible by integration'),
        headers: injected.headers,
      };
      declaredOnly = false;
    } else {
      reply = handle(m, url, body);
      // GitHub answers 403/404/422 on any route whether declared or not.
      declaredOnly = reply.status < 400;
    }
    const resProblems = api.validateResponse(m, reply.status, reply.body, declaredOnly);
    if (resProblems.length > 0) {
      server.violations.push(...resProblems.map((p) => `${m.operationId} (stand-in reply): ${p}`));
      return finish({
        status: 500,
        body: { message: `stand-in produced an invalid response: ${resProblems.join('; ')}` },
      });
    }
    finish(reply);
  }

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  server.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return server;
}

/** One page of a list, as GitHub pages it (per_page, page, a Link header). */
function onePage<T>(url: URL, all: T[], json: (item: T) => unknown) {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const items = all.slice((page - 1) * perPage, page * perPage).map(json);
  return { status: 200, body: items, headers: linkHeader(url, page, last, perPage) };
}

function linkHeader(url: URL, page: number, last: number, perPage: number): Record<string, string> {
  const at = (n: number) => {
    const u = new URL(url);
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(n));
    return u.toString();
  };
  const links: string[] = [];
  if (page < last) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`);
  if (page > 1) links.push(`<${at(1)}>; rel="first"`, `<${at(page - 1)}>; rel="prev"`);
  return links.length > 0 ? { link: links.join(', ') } : {};
}

function validationError(message: string) {
  return { message: 'Validation Failed', errors: [message], documentation_url: 'https://docs.github.com/rest' };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-github-api-version-selected': '2022-11-28',
    ...headers,
  });
  res.end(text);
}
