import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const HOW_TO_ENABLE = `no Chromium at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary to run the browser checks`;

/** Headless Chromium with the flags this machine needs (no sandbox as root, no background network), or undefined if there is none. */
export async function launchChromium(): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM_PATH)) return undefined;
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

export interface WatchedPage {
  readonly page: Page;
  /** Console errors, page errors, failed requests and JavaScript dialogs, as they happen. */
  readonly errors: string[];
  readonly dialogs: string[];
}

/** A page that records every console error, uncaught exception, failed request and dialog; `window.__pwned` is watched. */
export async function watchedPage(browser: Browser): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    Object.defineProperty(window, '__pwned', {
      configurable: false,
      set(value: unknown) {
        (window as unknown as { __pwnedBy: unknown[] }).__pwnedBy.push(value);
      },
      get() {
        return (window as unknown as { __pwnedBy: unknown[] }).__pwnedBy.length > 0;
      },
    });
    (window as unknown as { __pwnedBy: unknown[] }).__pwnedBy = [];
  });
  return { page, errors, dialogs };
}
