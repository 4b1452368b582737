import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless, with nothing that reaches for the network: the
 * one launcher for browser tests and browser benchmarks.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}
