// Who may trigger `/promptgate` commands: write, maintain or admin on the repository.
import type { Octokit } from '@octokit/rest';
import { httpStatus } from './http-errors.js';

const WRITE_ROLES = new Set(['admin', 'maintain', 'write']);

export async function hasWriteAccess(octokit: Octokit, owner: string, repo: string, user: string): Promise<boolean> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: user });
    // `permission` is the legacy level (maintain reads as write); `role_name` is the actual role
    // (a custom role counts only through the legacy level it maps to).
    return data.permission === 'admin' || data.permission === 'write' || WRITE_ROLES.has(data.role_name);
  } catch (e) {
    if (httpStatus(e) === 404) return false;
    throw e;
  }
}
