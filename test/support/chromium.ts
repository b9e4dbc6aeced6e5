// Debian's Chromium driven by playwright-core, as every browser test opens it: the binary the `chromium`
// package installs (never a downloaded browser), with the flags that keep it off the closed network, and
// every script error on the page collected so a test can assert there were none.
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const NOT_SIGNED_IN = /^Failed to load resource: the server responded with a status of 401\b/;

export async function openPage(): Promise<{ browser: Browser; page: Page; pageErrors: string[] }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    // A 401 is how the server says "not signed in" (the sign-in page asks /auth/session first, a wrong
    // password is refused with it): the page handles it, and Chromium logs it all the same.
    if (m.type() === 'error' && !NOT_SIGNED_IN.test(m.text())) pageErrors.push(m.text());
  });
  return { browser, page, pageErrors };
}
