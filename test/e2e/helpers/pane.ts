/** Steps on the pane and the playground's grid that several e2e tests take. */
import type { Page } from "playwright-core";

/** The pane is interactive: settings read from the workbook, the button enabled. */
export async function paneReady(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector('[data-testid=pane][data-settings-loaded="true"]', { timeout });
  await page.waitForSelector("[data-testid=segment-button]:not([disabled]):not([aria-disabled=true])", { timeout });
}

/** The table section finished detecting (found a table, or said why not). */
export async function detectionDone(page: Page, timeout = 60_000): Promise<string> {
  await page.waitForFunction(
    () => {
      const s = document.querySelector("[data-testid=table-section]");
      return (
        s !== null && s.querySelector("[role=progressbar], .fui-Spinner") === null && (s.textContent ?? "").length > 10
      );
    },
    undefined,
    { timeout }
  );
  return (await page.textContent("[data-testid=table-section]")) ?? "";
}

/** Runs the pane has finished (results or error). */
export async function finishedRuns(page: Page): Promise<number> {
  return Number(await page.getAttribute("[data-testid=pane]", "data-runs"));
}

/**
 * Clicks the one button and waits for this run's results (or error). When the sheet has something to
 * review (the cleaning step, before anything is written), `review` decides: by default it applies with
 * nothing ticked, so the run writes only the add-in's own columns.
 */
export async function runSegmentation(
  page: Page,
  timeout = 120_000,
  review: (page: Page) => Promise<void> = async (p) => void (await p.click("[data-testid=review-apply]"))
): Promise<"result" | "failure"> {
  const before = await finishedRuns(page);
  await page.click("[data-testid=segment-button]");
  const reviewing = await page.waitForFunction(
    (n) =>
      Number(document.querySelector("[data-testid=pane]")?.getAttribute("data-runs")) > n ||
      document.querySelector("[data-testid=cleaning-review]") !== null,
    before,
    { timeout }
  );
  await reviewing.dispose();
  if ((await finishedRuns(page)) === before) {
    await review(page);
    await page.waitForFunction(
      (n) => Number(document.querySelector("[data-testid=pane]")?.getAttribute("data-runs")) > n,
      before,
      { timeout }
    );
  }
  return (await page.locator("[data-testid=result]").count()) > 0 ? "result" : "failure";
}

const number = (s: string | null) => Number((s ?? "").replace(/[^\d]/g, ""));

/** Customers per segment as the pane shows them: code → count. */
export async function paneCounts(page: Page): Promise<Record<string, { label: string; count: number }>> {
  const rows = await page.$$eval("[data-testid=segment-bars] tr[data-code]", (trs) =>
    trs.map((tr) => ({
      code: tr.getAttribute("data-code") ?? "",
      cells: [...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""),
    }))
  );
  // Cells: label (with the code under it), customers, share.
  return Object.fromEntries(
    rows.map((r) => [
      r.code,
      { label: r.cells[0].slice(0, r.cells[0].length - r.code.length), count: number(r.cells[1]) },
    ])
  );
}

export async function heatmapTotal(page: Page): Promise<number> {
  const cells = await page.$$eval("[data-testid=rfm-heatmap] td", (tds) => tds.map((td) => td.textContent));
  return cells.reduce((sum, c) => sum + number(c), 0);
}

/** The text of the grid's row `row` (1-based, as Excel numbers rows), cell by cell. */
export async function gridRow(page: Page, row: number): Promise<string[]> {
  return page.$$eval(`[data-testid=sheet-grid] [role=row][aria-rowindex="${row + 1}"] [role=cell]`, (cells) =>
    cells.map((c) => c.textContent ?? "")
  );
}

/** Every cell text the grid renders now. */
export async function gridTexts(page: Page): Promise<string[]> {
  return page.$$eval("[data-testid=sheet-grid] [role=cell]", (cells) => cells.map((c) => c.textContent ?? ""));
}
