/**
 * The playground page: left, a workbook's sheet (read through the Excel API of HostWorkbook) with its
 * sheet tabs; right, the task pane's App over the same workbook. The workbook is the sample, or a
 * .xlsx / .csv file the user opens (or drops on the grid); the result downloads as .xlsx. Everything
 * happens in this tab: no file is uploaded.
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
import type { CellRect } from "../../taskpane/address";
import { App } from "../../taskpane/components/App";
import { usePaneLang } from "../../taskpane/components/usePaneLang";
import { createEngineClient } from "../../taskpane/engine/client";
import { spawnEngineWorker } from "../../taskpane/engine/spawn-worker";
import { failureOf, localizeFailure, toFailure } from "../../taskpane/outcome";
import type { SegmentFailure } from "../../taskpane/pane-actions";
import type { HostWorkbook } from "../../xlsx-host";
import {
  activateSheet,
  createHostActions,
  readRows,
  readSheetInfo,
  yieldToEventLoop,
  type GridSelection,
  type SheetInfo,
} from "../host-actions";
import {
  SAMPLE_NAME,
  downloadNameFor,
  downloadXlsx,
  isNotAWorkbook,
  loadSampleWorkbook,
  openWorkbookFile,
} from "../workbook-file";
import { SheetGrid } from "./SheetGrid";

/** The sample's recencies count to this day (scripts/make-sample-workbook.ts). */
const SAMPLE_AS_OF = "2024-06-01";
const ACCEPT = ".xlsx,.csv,.txt,.tsv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Page-level CSS goes through Griffel too: the playground's CSP allows no inline style elements.
const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", height: "100vh", minHeight: 0 },
  header: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  bar: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
  titles: { display: "flex", flexDirection: "column", flex: "1 1 20em", minWidth: 0 },
  tools: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hidden: { display: "none" },
  body: { display: "flex", flex: "1 1 auto", minHeight: 0 },
  sheetArea: { display: "flex", flexDirection: "column", flex: "1 1 auto", minWidth: 0, minHeight: 0 },
  dropping: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-4px" },
  fileLine: {
    display: "flex",
    columnGap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXS}`,
    color: tokens.colorNeutralForeground2,
    flexWrap: "wrap",
  },
  tabs: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    flexWrap: "wrap",
  },
  pane: {
    flex: "0 0 380px",
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

interface Book {
  id: number;
  workbook: HostWorkbook;
  /** File name, for the download's name. */
  name: string;
  sample: boolean;
}

export function Playground() {
  const { t } = useTranslation();
  const lang = usePaneLang();
  useGlobalStyles();
  const styles = useStyles();
  const [book, setBook] = React.useState<Book | null>(null);
  const [opening, setOpening] = React.useState<string | null>(SAMPLE_NAME);
  const [openFailure, setOpenFailure] = React.useState<SegmentFailure | null>(null);
  const [info, setInfo] = React.useState<SheetInfo | null>(null);
  const [version, setVersion] = React.useState(0);
  const [selection, setSelection] = React.useState<{ rect: CellRect | null; address: string; seq: number } | null>(
    null
  );
  const [downloading, setDownloading] = React.useState(false);
  const [dragging, setDragging] = React.useState(false);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const shownSheet = React.useRef<string | undefined>(undefined);
  const nextId = React.useRef(1);
  const langRef = React.useRef(lang);
  langRef.current = lang;
  // One engine worker for the page, kept across workbooks.
  const engine = React.useMemo(() => createEngineClient(() => spawnEngineWorker()), []);

  const refresh = React.useCallback(async (wb: HostWorkbook, sheet: string | undefined) => {
    const data = await readSheetInfo(wb, sheet);
    shownSheet.current = data.sheet;
    setInfo(data);
    setVersion((v) => v + 1);
  }, []);

  const show = React.useCallback(
    async (workbook: HostWorkbook, name: string, sample: boolean) => {
      shownSheet.current = undefined;
      setSelection(null);
      await refresh(workbook, undefined);
      setBook({ id: nextId.current++, workbook, name, sample });
    },
    [refresh]
  );

  React.useEffect(() => {
    let live = true;
    loadSampleWorkbook().then(
      (wb) => live && void show(wb, SAMPLE_NAME, true).finally(() => setOpening(null)),
      (e: unknown) => {
        if (!live) return;
        setOpening(null);
        setOpenFailure(toFailure(e, langRef.current));
      }
    );
    return () => {
      live = false;
    };
  }, [show]);

  const openFile = async (file: File) => {
    setOpening(file.name);
    setOpenFailure(null);
    await yieldToEventLoop(); // let the spinner paint before a large file is parsed
    try {
      await show(await openWorkbookFile(file), file.name, false);
    } catch (e) {
      setOpenFailure(
        isNotAWorkbook(e)
          ? failureOf({ code: "NOT_A_WORKBOOK", params: { file: file.name } }, lang)
          : toFailure(e, lang)
      );
    } finally {
      setOpening(null);
    }
  };

  const openSample = async () => {
    setOpening(SAMPLE_NAME);
    setOpenFailure(null);
    try {
      await show(await loadSampleWorkbook(), SAMPLE_NAME, true);
    } catch (e) {
      setOpenFailure(toFailure(e, lang));
    } finally {
      setOpening(null);
    }
  };

  const workbook = book?.workbook ?? null;
  const actions = React.useMemo(
    () =>
      workbook
        ? createHostActions(workbook, {
            currentSheet: () => shownSheet.current,
            onChanged: () => void refresh(workbook, shownSheet.current),
            onSelect: (s: GridSelection) => {
              const changed = s.sheet !== shownSheet.current;
              shownSheet.current = s.sheet;
              void refresh(workbook, s.sheet).then(() => {
                setSelection((old) => ({ rect: s.rect, address: s.address, seq: (old?.seq ?? 0) + 1 }));
                if (changed) document.querySelector<HTMLElement>("[data-testid=sheet-grid]")?.focus();
              });
            },
            engine,
          })
        : null,
    [workbook, refresh, engine]
  );

  const selectSheet = async (sheet: string) => {
    if (!workbook) return;
    shownSheet.current = sheet;
    setSelection(null);
    try {
      await activateSheet(workbook, sheet);
    } catch {
      // The grid and the pane follow shownSheet even where activate() is not offered.
    }
    await refresh(workbook, sheet);
    actions?.sheetChanged();
  };

  const download = async () => {
    if (!book) return;
    setDownloading(true);
    try {
      await downloadXlsx(book.workbook, downloadNameFor(book.name));
    } finally {
      setDownloading(false);
    }
  };

  const readGridRows = React.useCallback(
    (sheet: string, start: number, count: number, columns: number) =>
      workbook ? readRows(workbook, sheet, start, count, columns) : Promise.resolve([]),
    [workbook]
  );

  const dropProps = {
    onDragOver: (e: React.DragEvent) => {
      if (!e.dataTransfer.types.includes("Files")) return;
      e.preventDefault();
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (e: React.DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer.files[0];
      if (file) void openFile(file);
    },
  };

  const count = new Intl.NumberFormat(lang);
  const busy = opening !== null;

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div className={styles.bar}>
          <div className={styles.titles}>
            <Title3 as="h1">{t("playground.title")}</Title3>
            <Caption1>{t("playground.subtitle")}</Caption1>
          </div>
          <div className={styles.tools}>
            <input
              ref={fileInput}
              className={styles.hidden}
              type="file"
              accept={ACCEPT}
              data-testid="file-input"
              aria-hidden="true"
              tabIndex={-1}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = "";
                if (file) void openFile(file);
              }}
            />
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => fileInput.current?.click()}
              data-testid="open-file"
            >
              {t("playground.open")}
            </Button>
            <Button disabled={busy} onClick={() => void openSample()}>
              {t("playground.sample")}
            </Button>
            <Button disabled={!book || busy || downloading} onClick={() => void download()} data-testid="download">
              {t("playground.download")}
            </Button>
          </div>
        </div>
        <div className={styles.fileLine}>
          <Caption1>{t("playground.openHint")}</Caption1>
          {book && info && (
            <Caption1 data-testid="file-name">
              {t("playground.file", { file: book.name })} ·{" "}
              {t("playground.size", { rows: count.format(info.rowCount), columns: count.format(info.columnCount) })}
            </Caption1>
          )}
        </div>
      </header>
      <div className={styles.body}>
        <section
          className={dragging ? `${styles.sheetArea} ${styles.dropping}` : styles.sheetArea}
          aria-label={t("playground.sheets")}
          {...dropProps}
        >
          {openFailure && (
            <MessageBar intent="error" layout="multiline" data-testid="open-failure">
              <MessageBarBody>{localizeFailure(openFailure, lang)}</MessageBarBody>
            </MessageBar>
          )}
          {busy ? (
            <div className={styles.center}>
              <Spinner
                label={opening === SAMPLE_NAME ? t("playground.loading") : t("playground.opening", { file: opening })}
              />
            </div>
          ) : info === null ? (
            <div className={styles.center} />
          ) : info.rowCount === 0 ? (
            <div className={styles.center}>
              <Body1>{t("playground.emptySheet")}</Body1>
            </div>
          ) : (
            <SheetGrid
              info={info}
              version={version}
              readRows={readGridRows}
              highlight={selection?.rect ?? null}
              highlightSeq={selection?.seq ?? 0}
            />
          )}
          {info !== null && !busy && (
            <div className={styles.tabs}>
              <TabList
                size="small"
                selectedValue={info.sheet}
                aria-label={t("playground.sheets")}
                onTabSelect={(_, data) => void selectSheet(String(data.value))}
              >
                {info.sheets.map((name) => (
                  <Tab key={name} value={name}>
                    {name}
                  </Tab>
                ))}
              </TabList>
              {selection && (
                <Caption1 role="status" data-testid="selected">
                  {t("playground.selected", { address: selection.address })}
                </Caption1>
              )}
            </div>
          )}
        </section>
        <aside className={styles.pane} aria-label={t("app.title")}>
          {actions && book ? (
            <App key={book.id} actions={actions} initialAsOf={book.sample ? SAMPLE_AS_OF : undefined} landmark="none" />
          ) : (
            <div className={styles.center}>{busy && <Spinner size="small" />}</div>
          )}
        </aside>
      </div>
    </div>
  );
}
