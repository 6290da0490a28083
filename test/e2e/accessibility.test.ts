/**
 * Accessibility in Chromium: axe-core finds no violations (labels, roles, contrast …) in the pane and
 * the playground, before and after a run, with the settings open; and the whole flow works from the
 * keyboard alone. Plus the Content-Security-Policy: enforced, and never hit by the page itself.
 */
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { ROOT } from "./helpers/build";
import { pageCspViolations, screenshot, watchedPage, type Watched } from "./helpers/browser";
import { detectionDone, paneReady, runSegmentation } from "./helpers/pane";
import type { StaticServer } from "./helpers/server";
import { browserSuite } from "./helpers/suite";

let server: StaticServer;
let browser: Browser;
const opened: Watched[] = [];

browserSuite((s) => ({ server, browser } = s));

afterEach(async () => {
  for (const w of opened.splice(0)) await w.context.close();
});

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[]; failureSummary: string; html: string }>;
}

/**
 * Fluent UI's focus manager (tabster) puts focus "bumpers" at the edges of arrow-key groups (the sheet
 * tabs): <i tabindex="0" aria-hidden="true" data-tabster-dummy>, which take focus only to pass it on at
 * once. axe's aria-hidden-focus flags them; Fluent documents them as a known false positive and
 * Accessibility Insights suppresses exactly these (microsoft/tabster#288,
 * microsoft/accessibility-insights-web#7605). Only those nodes are dropped; anything else still fails.
 */
function withoutTabsterBumpers(violations: AxeViolation[]): AxeViolation[] {
  return violations
    .map((v) =>
      v.id === "aria-hidden-focus" ? { ...v, nodes: v.nodes.filter((n) => !n.html.includes("data-tabster-dummy")) } : v
    )
    .filter((v) => v.nodes.length > 0);
}

async function axe(page: Page, include = "body"): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: path.join(ROOT, "node_modules", "axe-core", "axe.min.js") });
  return page
    .evaluate(async (selector) => {
      const a = (
        window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }
      ).axe;
      const result = await a.run(
        { include: [selector] },
        { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }
      );
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html })),
      }));
    }, include)
    .then(withoutTabsterBumpers);
}

const describeViolations = (v: AxeViolation[]) => JSON.stringify(v, null, 2);

test("axe: no violations in the playground and its pane, before and after a run, settings open, in zh-CN and en", async () => {
  const w = await watchedPage(browser, { origin: server.origin, bypassCSP: true });
  opened.push(w);
  const { page } = w;
  await page.goto(`${server.origin}/playground.html`);
  await paneReady(page);
  await detectionDone(page);
  let violations = await axe(page);
  expect(describeViolations(violations)).toBe("[]");

  await page.getByRole("button", { name: "设置" }).click();
  await page.getByRole("radio", { name: "按固定阈值" }).check();
  await page.click("[data-testid=segment-button]");
  // The sample is messy: the review step comes first, and must be as accessible.
  await page.waitForSelector("[data-testid=cleaning-review]");
  violations = await axe(page);
  expect(describeViolations(violations)).toBe("[]");
  await page.click("[data-testid=review-apply]");
  await page.waitForSelector("[data-testid=result]");
  violations = await axe(page);
  expect(describeViolations(violations)).toBe("[]");
  await screenshot(page, "a11y-after-run");

  await page.getByLabel("语言", { exact: true }).selectOption("en");
  await page.getByRole("tab", { name: "说明" }).click();
  await page.click("[data-testid=segment-button]");
  await page.waitForSelector("[data-testid=failure]");
  violations = await axe(page);
  expect(describeViolations(violations)).toBe("[]");
});

test("axe: no violations in the task pane in a dark Office theme", async () => {
  const stub = `window.Office = { onReady: function (cb) { var i = { host: "Excel" }; if (cb) cb(i); return Promise.resolve(i); },
    context: { displayLanguage: "zh-CN", officeTheme: { bodyBackgroundColor: "#1f1f1f" }, document: { url: "" },
      requirements: { isSetSupported: function () { return false; } } } };`;
  const w = await watchedPage(browser, {
    origin: server.origin,
    bypassCSP: true,
    officeStub: { body: stub },
    viewport: { width: 360, height: 900 },
  });
  opened.push(w);
  await w.page.goto(`${server.origin}/taskpane.html`);
  await paneReady(w.page);
  await w.page.click("[data-testid=segment-button]");
  await w.page.waitForSelector("[data-testid=failure]");
  const violations = await axe(w.page);
  expect(describeViolations(violations)).toBe("[]");
  await screenshot(w.page, "a11y-taskpane-dark");
});

/** Presses Tab until `predicate` holds for the focused element (at most `max` times). */
async function tabTo(page: Page, predicate: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const ok = await page.evaluate(`(() => { const el = document.activeElement; return !!el && (${predicate}); })()`);
    if (ok) return;
  }
  throw new Error(`Tab never reached an element where ${predicate}`);
}

test("keyboard only: open a file, set the date, run, follow a link to the written column", async () => {
  const w = await watchedPage(browser, { origin: server.origin });
  opened.push(w);
  const { page } = w;
  await page.goto(`${server.origin}/playground.html`);
  await paneReady(page);
  await detectionDone(page);

  // Open a file from the toolbar, by keyboard.
  await tabTo(page, `el.textContent === "打开文件…"`);
  // Space activates the button (headless Chromium opens no file chooser from Enter's keydown-time click).
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
  await chooser.setFiles({
    name: "键盘.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "客户编号,最后购买时间,消费次数,消费金额\n1,2024-05-01,3,300\n2,2024-01-02,1,80\n3,2024-05-20,9,2000\n"
    ),
  });
  await page.waitForSelector('[data-testid=sheet-grid][data-sheet="键盘"]');
  await paneReady(page);
  await detectionDone(page);

  // The grid is reachable and scrolls by keyboard.
  await page.locator("body").focus();
  await tabTo(page, `el.getAttribute("data-testid") === "sheet-grid"`);

  // The date, typed.
  await tabTo(page, `el.id === "ss-as-of"`);
  await page.keyboard.type("20240601"); // a zh-CN date input: year, month, day
  const typed = await page.inputValue("#ss-as-of");
  if (typed !== "2024-06-01") {
    await page.fill("#ss-as-of", "2024-06-01"); // locales that order the fields differently
  }

  // Settings open and close with the keyboard.
  await tabTo(page, `el.id === "ss-settings"`);
  await page.keyboard.press("Enter");
  await page.waitForSelector("text=打分方法");
  await page.keyboard.press("Enter");

  await tabTo(page, `el.getAttribute("data-testid") === "segment-button"`);
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-testid=result]");
  // Focus moved to the results' heading, for screen readers and the next Tab. The pane moves it on the next
  // animation frame after the result shows (App.tsx): waited for, briefly, before the check.
  await page
    .waitForFunction(() => document.activeElement?.id === "ss-result", undefined, { timeout: 5_000 })
    .catch(() => undefined);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("ss-result");
  await tabTo(page, `(el.textContent || "").includes("选中“客户类型”列")`);
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-testid=selected]");
  expect(await page.locator("[data-lit=true]").count()).toBe(3);
  await screenshot(page, "keyboard-flow");
});

test("CSP: the page refuses inline scripts and foreign connections, and never trips over its own policy", async () => {
  const w = await watchedPage(browser, { origin: server.origin });
  opened.push(w);
  const { page } = w;
  await page.goto(`${server.origin}/playground.html`);
  await paneReady(page);
  expect(await runSegmentation(page)).toBe("result");
  expect(await pageCspViolations(page)).toEqual([]);

  // Now break the rules on purpose: each attempt is refused and reported.
  const attempts = await page.evaluate(async () => {
    // (eval is not tried here: code run through the DevTools protocol is exempt from CSP; the policy's
    // lack of 'unsafe-eval' is checked on the built pages in taskpane.test.ts.)
    const out: Record<string, string> = {};
    const w = window as unknown as { __inline?: number };
    const s = document.createElement("script");
    s.textContent = "window.__inline = 1;";
    document.body.append(s);
    out.inline = w.__inline === 1 ? "ran" : "blocked";
    try {
      await fetch("https://example.com/exfiltrate", { mode: "no-cors" });
      out.fetch = "sent";
    } catch {
      out.fetch = "blocked";
    }
    return out;
  });
  expect(attempts).toEqual({ inline: "blocked", fetch: "blocked" });
  const violations = await pageCspViolations(page);
  expect(violations.some((v) => v.startsWith("script-src"))).toBe(true);
  expect(violations.some((v) => v.startsWith("connect-src"))).toBe(true);
  // The page's own requests never left the test server (example.com was refused by the policy itself).
  expect(w.requests.filter((u) => !u.startsWith(server.origin))).toEqual([]);
});
