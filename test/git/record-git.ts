// run-git.js with every git command line recorded: tests count the processes a path starts.
// Use from a vi.mock factory (hoisted): recordingRunGit(await importOriginal(), calls).
import type * as RunGit from '../../src/git/run-git.js';

export function recordingRunGit(real: typeof RunGit, calls: string[][]): typeof RunGit {
  return {
    ...real,
    runGit: (cwd, args, opts) => {
      calls.push(args);
      return real.runGit(cwd, args, opts);
    },
    // gitOk calls the module's own runGit, which a mock of the export does not reach
    gitOk: (cwd, args) => {
      calls.push(args);
      return real.gitOk(cwd, args);
    },
  };
}
