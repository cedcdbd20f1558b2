// The stand-in must catch what GitHub would reject; otherwise the adapter tests prove little.
import { describe, expect, it } from 'vitest';
import { setup } from './helpers.js';

describe('GitHub stand-in', () => {
  it('rejects a request body that breaks the schema (51 annotations) and records it', async () => {
    const { gh, octokit } = await setup();
    const annotations = Array.from({ length: 51 }, (_, i) => ({
      path: 'a',
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: 'warning' as const,
      message: 'm',
    }));
    await expect(
      octokit.rest.checks.create({
        owner: 'octo-org',
        repo: 'prompts',
        name: 'n',
        head_sha: 'abc',
        output: { title: 't', summary: 's', annotations },
      }),
    ).rejects.toMatchObject({ status: 400 });
    expect(gh.violations.join('\n')).toMatch(
      /checks\/create: request body\/output\/annotations must NOT have more than 50 items/,
    );
    expect(gh.checkRuns).toHaveLength(0);
  });

  it('rejects a missing required field and a non-integer query parameter', async () => {
    const { gh, octokit } = await setup();
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/check-runs', {
        owner: 'octo-org',
        repo: 'prompts',
        name: 'n',
      } as any),
    ).rejects.toMatchObject({ status: 400 });
    await expect(octokit.request('GET /repos/octo-org/prompts/issues/1/comments?per_page=lots')).rejects.toMatchObject({
      status: 400,
    });
    expect(gh.violations).toHaveLength(2);
    expect(gh.violations[0]).toMatch(/must have required property 'head_sha'/);
    expect(gh.violations[1]).toMatch(/per_page=lots is not an integer/);
  });

  it('flags calls to operations outside the subset', async () => {
    const { gh, octokit } = await setup();
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/releases', { owner: 'octo-org', repo: 'prompts' }),
    ).rejects.toMatchObject({ status: 404 });
    expect(gh.violations).toEqual(['GET /repos/octo-org/prompts/releases: not an operation of the OpenAPI subset']);
  });

  it('requires the configured token', async () => {
    const { gh } = await setup();
    const res = await fetch(`${gh.url}/repos/octo-org/prompts/issues/1/comments`, {
      headers: { authorization: 'token wrong' },
    });
    expect(res.status).toBe(401);
  });

  it('paginates with per_page/page and Link headers like GitHub', async () => {
    const { gh } = await setup();
    for (let i = 0; i < 205; i++) gh.addComment(1, `c${i}`);
    const res = await fetch(`${gh.url}/repos/octo-org/prompts/issues/1/comments?per_page=100&page=2`, {
      headers: { authorization: 'token test-token' },
    });
    const items = (await res.json()) as { body: string }[];
    expect(items.map((c) => c.body)[0]).toBe('c100');
    expect(items).toHaveLength(100);
    const link = res.headers.get('link')!;
    expect(link).toContain('page=3>; rel="next"');
    expect(link).toContain('page=3>; rel="last"');
    expect(link).toContain('page=1>; rel="prev"');
    const capped = await fetch(`${gh.url}/repos/octo-org/prompts/issues/1/comments?per_page=500`, {
      headers: { authorization: 'token test-token' },
    });
    expect(((await capped.json()) as unknown[]).length).toBe(100);
    expect(gh.violations).toEqual([]);
  });
});
