/**
 * The playground page: left, the embedded workbook's sheet (read through the Excel API of
 * HostWorkbook) with its sheet tabs; right, the task pane's App over the same workbook.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStaticStyles,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { App } from "../../taskpane/components/App";
import type { HostWorkbook } from "../../xlsx-host";
import { activateSheet, createHostActions, readGrid, type GridData } from "../host-actions";
import { downloadXlsx, loadSampleWorkbook } from "../workbook-file";
import { SheetGrid } from "./SheetGrid";

/** The sample's recencies count to this day (scripts/make-sample-workbook.ts). */
const SAMPLE_AS_OF = "2024-06-01";
const MAX_ROWS = 2000;
const DOWNLOAD_NAME = "sample-customers.segmented.xlsx";

// Page-level CSS goes through Griffel too: the playground's CSP allows no inline style attributes.
const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", height: "100vh", minHeight: 0 },
  bar: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: "flex", flexDirection: "column", flex: "1 1 auto", minWidth: 0 },
  body: { display: "flex", flex: "1 1 auto", minHeight: 0 },
  sheetArea: { display: "flex", flexDirection: "column", flex: "1 1 auto", minWidth: 0, minHeight: 0 },
  tabs: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  pane: {
    flex: "0 0 360px",
    overflowY: "auto",
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  center: {
    display: "flex",
    flex: "1 1 auto",
    alignItems: "center",
    justifyContent: "center",
    padding: tokens.spacingHorizontalXXL,
  },
});

type Load = { kind: "loading" } | { kind: "failed"; detail: string } | { kind: "ready"; workbook: HostWorkbook };

export function Playground() {
  const { t } = useTranslation();
  useGlobalStyles();
  const styles = useStyles();
  const [load, setLoad] = React.useState<Load>({ kind: "loading" });
  const [grid, setGrid] = React.useState<GridData | null>(null);
  const [downloading, setDownloading] = React.useState(false);
  const shownSheet = React.useRef<string | undefined>(undefined);
  const workbook = load.kind === "ready" ? load.workbook : null;

  const refresh = React.useCallback(async (wb: HostWorkbook, sheet: string | undefined) => {
    try {
      const data = await readGrid(wb, sheet, MAX_ROWS);
      shownSheet.current = data.sheet;
      setGrid(data);
    } catch (e) {
      setLoad({ kind: "failed", detail: e instanceof Error ? e.message : String(e) });
    }
  }, []);

  React.useEffect(() => {
    let live = true;
    loadSampleWorkbook().then(
      (wb) => {
        if (!live) return;
        setLoad({ kind: "ready", workbook: wb });
        void refresh(wb, undefined);
      },
      (e: unknown) => live && setLoad({ kind: "failed", detail: e instanceof Error ? e.message : String(e) })
    );
    return () => {
      live = false;
    };
  }, [refresh]);

  const actions = React.useMemo(
    () =>
      workbook
        ? createHostActions(workbook, {
            currentSheet: () => shownSheet.current,
            onChanged: () => void refresh(workbook, shownSheet.current),
          })
        : null,
    [workbook, refresh]
  );

  const selectSheet = async (sheet: string) => {
    if (!workbook) return;
    shownSheet.current = sheet;
    try {
      await activateSheet(workbook, sheet);
    } catch {
      // The grid and the pane follow shownSheet even where activate() is not offered.
    }
    await refresh(workbook, sheet);
  };

  const download = async () => {
    if (!workbook) return;
    setDownloading(true);
    try {
      await downloadXlsx(workbook, DOWNLOAD_NAME);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div className={styles.page}>
      <header className={styles.bar}>
        <div className={styles.titles}>
          <Title3 as="h1">{t("playground.title")}</Title3>
          <Caption1>{t("playground.subtitle")}</Caption1>
        </div>
        <Button disabled={!workbook || downloading} onClick={() => void download()}>
          {t("playground.download")}
        </Button>
      </header>
      <div className={styles.body}>
        <section className={styles.sheetArea} aria-label={t("playground.sheets")}>
          {load.kind === "failed" ? (
            <div className={styles.center}>
              <MessageBar intent="error">
                <MessageBarBody>{t("playground.loadFailed", { detail: load.detail })}</MessageBarBody>
              </MessageBar>
            </div>
          ) : grid === null ? (
            <div className={styles.center}>
              <Spinner label={t("playground.loading")} />
            </div>
          ) : grid.cells.length === 0 ? (
            <div className={styles.center}>
              <Body1>{t("playground.emptySheet")}</Body1>
            </div>
          ) : (
            <SheetGrid grid={grid} />
          )}
          {grid !== null && (
            <div className={styles.tabs}>
              <TabList
                size="small"
                selectedValue={grid.sheet}
                aria-label={t("playground.sheets")}
                onTabSelect={(_, data) => void selectSheet(String(data.value))}
              >
                {grid.sheets.map((name) => (
                  <Tab key={name} value={name}>
                    {name}
                  </Tab>
                ))}
              </TabList>
              {grid.totalRows > grid.cells.length && (
                <Caption1>{t("playground.truncated", { shown: grid.cells.length, total: grid.totalRows })}</Caption1>
              )}
            </div>
          )}
        </section>
        <aside className={styles.pane}>
          {actions ? (
            <App actions={actions} initialAsOf={SAMPLE_AS_OF} />
          ) : (
            <div className={styles.center}>{load.kind === "loading" && <Spinner size="small" />}</div>
          )}
        </aside>
      </div>
    </div>
  );
}
