/**
 * Chromium for the e2e tests (Debian's /usr/bin/chromium through playwright-core), and pages that
 * record every request: a request to anywhere but the test server is stopped and reported (the
 * only exception is office.js, which a test may answer with a stand-in so that nothing is fetched
 * from Microsoft's CDN).
 */
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { RESULTS } from "./build";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const SHOTS = path.join(RESULTS, "e2e");

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Requests that would have left the test server (stopped). */
  blocked: string[];
  /** console.error and uncaught page errors. */
  errors: string[];
  /** Content-Security-Policy violations seen by the page. */
  cspViolations: string[];
}

export interface WatchOptions {
  origin: string;
  locale?: string;
  /** Serves this script in place of office.js. */
  officeStub?: { path: string } | { body: string };
  /** Lets a test inject axe-core (an inline script) despite the page's CSP. */
  bypassCSP?: boolean;
  viewport?: { width: number; height: number };
  /** Runs in the page before its own scripts. */
  initScript?: string;
}

export async function watchedPage(browser: Browser, options: WatchOptions): Promise<Watched> {
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: options.locale ?? "zh-CN",
    viewport: options.viewport ?? { width: 1366, height: 900 },
    bypassCSP: options.bypassCSP ?? false,
    serviceWorkers: "block",
  });
  const requests: string[] = [];
  const blocked: string[] = [];
  const errors: string[] = [];
  const cspViolations: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${options.origin}/`) || url.startsWith("blob:") || url.startsWith("data:"))
      return route.continue();
    if (url === OFFICE_JS && options.officeStub) {
      const stub = options.officeStub;
      return "path" in stub
        ? route.fulfill({ path: stub.path, contentType: "text/javascript" })
        : route.fulfill({ body: stub.body, contentType: "text/javascript" });
    }
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  const page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
    if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`${e.name}: ${e.message}`));
  return { context, page, requests, blocked, errors, cspViolations };
}

/** Violations the page recorded through securitypolicyviolation events. */
export async function pageCspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

/** Requests that went to anything but the test server (office.js answered by a stub counts as local). */
export function offOrigin(requests: string[], origin: string, stubbedOfficeJs = false): string[] {
  return requests.filter(
    (u) =>
      !(
        u.startsWith(`${origin}/`) ||
        u.startsWith("blob:") ||
        u.startsWith("data:") ||
        (stubbedOfficeJs && u === OFFICE_JS)
      )
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

/** Writes a measurement to test-results/e2e/metrics.json (merged with earlier ones). */
export function recordMetric(name: string, value: unknown): void {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, "metrics.json");
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    all = {};
  }
  all[name] = value;
  fs.writeFileSync(file, JSON.stringify(all, null, 2));
}
