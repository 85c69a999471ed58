// Headless Chromium for UI tests: Debian's `chromium` package driven by playwright-core. The
// test setup installs the package when it can (as root, with apt-get); otherwise the browser
// tests skip with the reason.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

const run = promisify(execFile);

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

// Without the background-networking flags Chromium keeps trying to reach Google's hosts, which
// this kind of machine refuses, many at a time.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

let installing: Promise<string | null> | null = null;

/** The Chromium executable, installing Debian's package if needed and possible; null if not. */
export async function ensureChromium(): Promise<{ path: string } | { missing: string }> {
  const found = process.env.ERP_CHROMIUM ?? CANDIDATES.find((p) => existsSync(p));
  if (found) return { path: found };
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    return { missing: 'Chromium is not installed (install Debian\'s "chromium" package, or set ERP_CHROMIUM)' };
  }
  installing ??= (async () => {
    try {
      await run('apt-get', ['install', '-y', '-q', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
        .catch(async () => {
          await run('apt-get', ['update', '-q']);
          await run('apt-get', ['install', '-y', '-q', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
        });
      return CANDIDATES.find((p) => existsSync(p)) ?? null;
    } catch {
      return null;
    }
  })();
  const installed = await installing;
  return installed ? { path: installed } : { missing: 'Chromium could not be installed with apt-get' };
}

export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

/** Launches headless Chromium (playwright gives it a fresh temporary profile); the reason when
 *  there is no browser. */
export async function launchBrowser(): Promise<BrowserSession | { missing: string }> {
  const chrome = await ensureChromium();
  if ('missing' in chrome) return chrome;
  const browser = await chromium.launch({ executablePath: chrome.path, headless: true, args: FLAGS });
  return { browser, close: () => browser.close() };
}
