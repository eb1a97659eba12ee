/**
 * Minimal browser-test harness: Debian's Chromium driven by playwright-core (no browser download).
 * Test files (`tests/browser/*.e2e.ts`) call `test(name, fn)`; `run.ts` runs them in order.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { StaticServer } from './static-server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // WebGL through SwiftShader, so MapLibre really renders headless.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist'
];

/** Chromium as on a locked-down PC: no WebGL at all (MapLibre cannot start). */
export const CHROMIUM_ARGS_NO_WEBGL = [
  ...CHROMIUM_ARGS.filter((a) => !/swiftshader|gpu-blocklist/.test(a)),
  '--disable-webgl',
  '--disable-3d-apis'
];

/** Chromium on a GPU or driver with WebGL 1 only: MapLibre 6 needs WebGL 2. */
export const CHROMIUM_ARGS_WEBGL1_ONLY = [...CHROMIUM_ARGS, '--disable-webgl2'];

export async function launchChromium(
  options: {
    webgl?: boolean | 'webgl1-only';
    /**
     * Classic scrollbars, as on a Windows or Linux desktop, where the page's scrollbar takes
     * 15–17 px of the window's width; headless Chromium otherwise hides them (Playwright's
     * `--hide-scrollbars`), like a phone's overlay scrollbars.
     */
    scrollbars?: boolean;
  } = {}
): Promise<Browser> {
  const args =
    options.webgl === false
      ? CHROMIUM_ARGS_NO_WEBGL
      : options.webgl === 'webgl1-only'
        ? CHROMIUM_ARGS_WEBGL1_ONLY
        : CHROMIUM_ARGS;
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args,
    headless: true,
    ignoreDefaultArgs: options.scrollbars ? ['--hide-scrollbars'] : []
  });
}

/**
 * A page in a browser of its own (no WebGL, or WebGL 1 only: flags are per browser), 1280×800 in
 * French, with its page errors and the URLs of its requests matching `watch` collected. The
 * browser is closed after `fn`, whatever happens.
 */
export async function withOwnBrowser(
  webgl: false | 'webgl1-only',
  watch: RegExp | null,
  fn: (p: { page: Page; errors: string[]; requested: string[] }) => Promise<void>
): Promise<void> {
  const browser = await launchChromium({ webgl });
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'fr-FR'
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const requested: string[] = [];
    page.on('request', (r) => {
      if (watch?.test(r.url())) requested.push(r.url());
    });
    await fn({ page, errors, requested });
  } finally {
    await browser.close();
  }
}

export interface TestContext {
  browser: Browser;
  /** Base URL of the static server, e.g. http://127.0.0.1:4321 */
  baseURL: string;
  /** A fresh context + page (1280×800 unless told), with console errors collected. */
  newPage(options?: {
    width?: number;
    height?: number;
    /** 'block' when the offline cache must not answer requests the test intercepts. */
    serviceWorkers?: 'allow' | 'block';
  }): Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
  /** Saves a full-viewport PNG under screenshots/ and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** Stops / restarts the static server (same port) to simulate a network cut. */
  server: { stop(): Promise<void>; start(): Promise<void> };
}

export type TestFn = (ctx: TestContext) => Promise<void>;
export const registry: { name: string; fn: TestFn; file: string }[] = [];
let currentFile = '';
export function setCurrentFile(file: string): void {
  currentFile = file;
}

export function test(name: string, fn: TestFn): void {
  registry.push({ name, fn, file: currentFile });
}

export function makeContext(
  browser: Browser,
  getServer: () => StaticServer,
  restart: { stop(): Promise<void>; start(): Promise<void> }
): TestContext {
  mkdirSync('screenshots', { recursive: true });
  return {
    browser,
    get baseURL() {
      return getServer().url;
    },
    async newPage(options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
        locale: 'fr-FR',
        serviceWorkers: options.serviceWorkers ?? 'allow'
      });
      const page = await context.newPage();
      // A page of the app answers input once its islands have hydrated (components/island):
      // navigations wait for that, as a visitor waits for the page to be ready.
      const ready = () =>
        page.waitForFunction(() => document.documentElement.dataset.islands !== 'pending', null, {
          timeout: 30_000
        });
      const goto = page.goto.bind(page);
      page.goto = async (...args) => {
        const response = await goto(...args);
        await ready();
        return response;
      };
      const reload = page.reload.bind(page);
      page.reload = async (...args) => {
        const response = await reload(...args);
        await ready();
        return response;
      };
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      return { page, context, errors };
    },
    async screenshot(page, name) {
      const path = `screenshots/${name}.png`;
      await page.screenshot({ path });
      return path;
    },
    server: restart
  };
}

/**
 * Opens `url` with the app's entry held back: the page shows its prerendered markup and nothing
 * has hydrated, as on a slow machine, until `release()`; `loaded` is the navigation (it waits for
 * the islands, see `newPage`), to await after releasing.
 */
export async function openUnhydrated(
  page: Page,
  url: string
): Promise<{ release: () => void; loaded: Promise<unknown> }> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_app/immutable/entry/start.*.js', async (route) => {
    await held;
    await route.continue();
  });
  const loaded = page.goto(url);
  // A rejection is the caller's, once released: not an unhandled one meanwhile.
  loaded.catch(() => undefined);
  await page.waitForSelector('html[data-islands="pending"]', { state: 'attached' });
  return { release, loaded };
}
