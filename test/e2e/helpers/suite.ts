/** What every Chromium suite starts and stops: the production build, served over HTTP, and a browser. */
import type { Browser } from "playwright-core";
import { ensureBuild } from "./build";
import { launchChromium } from "./browser";
import { serveDirectory, type StaticServer } from "./server";

export interface BrowserSuite {
  /** The build's folder. */
  dir: string;
  server: StaticServer;
  browser: Browser;
}

/**
 * Before the file's tests: the build (made once per run, ensureBuild), served, and Chromium launched — handed to
 * `ready` for the file's own variables. After them: `beforeClose` (what the file keeps open), then the browser
 * and the server are closed.
 */
export function browserSuite(ready: (suite: BrowserSuite) => void, beforeClose?: () => Promise<void>): void {
  const open: Partial<BrowserSuite> = {};
  beforeAll(async () => {
    open.dir = await ensureBuild();
    open.server = await serveDirectory(open.dir);
    open.browser = await launchChromium();
    ready(open as BrowserSuite);
  }, 900_000);
  afterAll(async () => {
    await beforeClose?.();
    await open.browser?.close();
    await open.server?.close();
  });
}
