// Headless Chromium for the browser tests: Debian's `chromium` package (installed by .ci/run),
// driven by playwright-core (which downloads no browser of its own). Where the package is not
// installed the tests are skipped with this file's message, never silently passed.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const CANDIDATES = [process.env.PROMPTGATE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const CHROMIUM = CANDIDATES.find((p): p is string => Boolean(p) && existsSync(p!));

export const NO_CHROMIUM =
  "browser tests skipped: Debian's chromium is not installed (`apt-get install -y chromium`; .ci/run does this)";

// As root (CI and sessions here) Chromium needs --no-sandbox; the networking flags stop its
// background connections, which this machine's closed network refuses. Playwright gives each
// launch a new empty profile and adds --headless.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function startBrowser(): Promise<Browser> {
  if (!CHROMIUM) throw new Error(NO_CHROMIUM);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** Console errors and warnings, uncaught exceptions and dialogs (alert()) of a page. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return problems;
}

/** Writes a file under a fresh temp folder and returns its file:// URL (pages load from disk, as a user opens the artifact). */
export function tempFile(name: string, content: string): { url: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'promptgate-page-'));
  writeFileSync(join(dir, name), content);
  return { url: `file://${join(dir, name)}`, dir };
}

/** Saves a screenshot when PROMPTGATE_SCREENSHOTS names a folder (to look at what a test rendered). */
export async function maybeScreenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.PROMPTGATE_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
