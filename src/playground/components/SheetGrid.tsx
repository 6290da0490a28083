/**
 * A read-only grid of one sheet, Excel-like: column letters, row numbers, displayed text. Only the
 * rows in view are rendered (react-window) and read from the workbook (in blocks, through the same
 * Excel API as the pane), so a sheet of 100,000+ rows scrolls smoothly. Keyboard: the grid takes
 * focus and scrolls with the arrow, Page and Home/End keys.
 */
import * as React from "react";
import { List, type ListImperativeAPI, type RowComponentProps } from "react-window";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { columnLetters, type CellRect } from "../../taskpane/address";
import type { GridCell, SheetInfo } from "../host-actions";

export { columnLetters };

const ROW_HEIGHT = 24;
const ROW_HEADER_WIDTH = 56;
const DEFAULT_COLUMN_WIDTH = 96;
export const BLOCK_ROWS = 200;

const useStyles = makeStyles({
  scroller: {
    flex: "1 1 auto",
    overflow: "auto",
    minHeight: 0,
    position: "relative",
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    fontVariantNumeric: "tabular-nums",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  row: { display: "flex", height: `${ROW_HEIGHT}px`, boxSizing: "border-box" },
  headRow: { position: "sticky", top: 0, zIndex: 2 },
  head: {
    flex: "0 0 auto",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    textAlign: "center",
    overflow: "hidden",
    whiteSpace: "nowrap",
  },
  rowHead: { position: "sticky", left: 0, zIndex: 1, textAlign: "right" },
  corner: { position: "sticky", left: 0, zIndex: 3 },
  cell: {
    flex: "0 0 auto",
    boxSizing: "border-box",
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    color: tokens.colorNeutralForeground1,
  },
  numeric: { textAlign: "right" },
  lit: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorNeutralForeground1 },
  litHead: { backgroundColor: tokens.colorBrandBackground2Hover, color: tokens.colorNeutralForeground1 },
});

/** Rough display width of a text (CJK characters count double), for the column widths. */
function textWidth(text: string): number {
  let units = 0;
  for (const ch of text) units += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return units * 7 + 12;
}

export function columnWidthsFor(rows: GridCell[][], columnCount: number): number[] {
  const widths = new Array<number>(columnCount).fill(DEFAULT_COLUMN_WIDTH * 0.6);
  for (const row of rows) row.forEach((cell, c) => (widths[c] = Math.max(widths[c], textWidth(cell.text))));
  return widths.map((w) => Math.round(Math.min(240, Math.max(56, w))));
}

export interface SheetGridProps {
  info: SheetInfo;
  /** Changes whenever the workbook changed: cached rows are read again. */
  version: number;
  readRows: (sheet: string, start: number, count: number, columnCount: number) => Promise<GridCell[][]>;
  /** Cells to highlight (and scroll to), e.g. a column the run wrote. */
  highlight: CellRect | null;
  /** Changes to scroll to the highlight again. */
  highlightSeq: number;
}

interface RowProps {
  blocks: ReadonlyMap<number, GridCell[][]>;
  widths: number[];
  columnCount: number;
  highlight: CellRect | null;
  classes: ReturnType<typeof useStyles>;
}

const lit = (h: CellRect | null, r: number, c: number) =>
  h !== null && r >= h.top && r <= h.bottom && c >= h.left && c <= h.right;

function GridRow({ index, style, blocks, widths, columnCount, highlight, classes }: RowComponentProps<RowProps>) {
  const cells = blocks.get(Math.floor(index / BLOCK_ROWS))?.[index % BLOCK_ROWS];
  const rowLit = highlight !== null && index >= highlight.top && index <= highlight.bottom;
  return (
    <div role="row" aria-rowindex={index + 2} className={classes.row} style={style}>
      <div
        role="rowheader"
        className={mergeClasses(classes.head, classes.rowHead, rowLit && classes.litHead)}
        style={{ width: ROW_HEADER_WIDTH }}
      >
        {index + 1}
      </div>
      {Array.from({ length: columnCount }, (_, c) => {
        const cell = cells?.[c];
        const text = cell?.text ?? "";
        const on = lit(highlight, index, c);
        return (
          <div
            key={c}
            role="cell"
            data-lit={on || undefined}
            className={mergeClasses(classes.cell, cell?.numeric && classes.numeric, on && classes.lit)}
            style={{ width: widths[c] }}
            title={text.length > 12 ? text : undefined}
          >
            {text}
          </div>
        );
      })}
    </div>
  );
}

export function SheetGrid({ info, version, readRows, highlight, highlightSeq }: SheetGridProps) {
  const { t } = useTranslation();
  const classes = useStyles();
  const [scroller, setScroller] = React.useState<HTMLDivElement | null>(null);
  const listRef = React.useRef<ListImperativeAPI>(null);
  const [blocks, setBlocks] = React.useState<ReadonlyMap<number, GridCell[][]>>(new Map());
  const [widths, setWidths] = React.useState<number[]>(() => new Array(info.columnCount).fill(DEFAULT_COLUMN_WIDTH));
  const requested = React.useRef(new Set<number>());
  /** The rows the list last rendered: read again after a change, as the list does not ask twice. */
  const rendered = React.useRef({ start: 0, stop: 60 });
  const generation = React.useRef(0);
  const { sheet, columnCount, rowCount } = info;

  const ensureRows = React.useCallback(
    (first: number, last: number) => {
      const gen = generation.current;
      for (let b = Math.floor(first / BLOCK_ROWS); b <= Math.floor(last / BLOCK_ROWS); b++) {
        if (requested.current.has(b) || b * BLOCK_ROWS >= rowCount) continue;
        requested.current.add(b);
        const start = b * BLOCK_ROWS;
        readRows(sheet, start, Math.min(BLOCK_ROWS, rowCount - start), columnCount).then(
          (rows) => {
            if (gen !== generation.current) return;
            setBlocks((old) => new Map(old).set(b, rows));
            if (b === 0) setWidths(columnWidthsFor(rows, columnCount));
          },
          () => requested.current.delete(b)
        );
      }
    },
    [readRows, sheet, rowCount, columnCount]
  );

  // Another sheet or a changed workbook: forget what was read, and read the first rows again (the
  // list asks for the rest as it shows them).
  React.useEffect(() => {
    generation.current += 1;
    requested.current = new Set();
    setBlocks(new Map());
    setWidths((old) => (old.length === columnCount ? old : new Array(columnCount).fill(DEFAULT_COLUMN_WIDTH)));
    if (rowCount > 0) {
      ensureRows(0, Math.min(rowCount - 1, 60));
      const { start, stop } = rendered.current;
      if (start < rowCount) ensureRows(start, Math.min(stop, rowCount - 1));
    }
  }, [ensureRows, version, rowCount, columnCount]);

  // Scroll the highlighted cells into view.
  React.useEffect(() => {
    if (!highlight || !scroller) return;
    if (highlight.top < rowCount) listRef.current?.scrollToRow({ index: highlight.top, align: "center" });
    let left = ROW_HEADER_WIDTH;
    for (let c = 0; c < highlight.left && c < widths.length; c++) left += widths[c];
    const visibleWidth = scroller.clientWidth;
    if (
      left < scroller.scrollLeft + ROW_HEADER_WIDTH ||
      left + (widths[highlight.left] ?? 0) > scroller.scrollLeft + visibleWidth
    ) {
      scroller.scrollLeft = Math.max(0, left - ROW_HEADER_WIDTH - 24);
    }
  }, [highlightSeq, scroller]);

  const totalWidth = ROW_HEADER_WIDTH + widths.reduce((a, b) => a + b, 0);
  const rowProps = React.useMemo<RowProps>(
    () => ({ blocks, widths, columnCount, highlight, classes }),
    [blocks, widths, columnCount, highlight, classes]
  );

  return (
    <div
      ref={setScroller}
      className={classes.scroller}
      tabIndex={0}
      role="table"
      aria-label={t("playground.gridLabel", { sheet })}
      aria-rowcount={rowCount + 1}
      aria-colcount={columnCount + 1}
      data-testid="sheet-grid"
      data-sheet={sheet}
      data-rows={rowCount}
    >
      <div role="rowgroup" className={classes.headRow} style={{ width: totalWidth }}>
        <div role="row" aria-rowindex={1} className={classes.row}>
          <div
            role="presentation"
            className={mergeClasses(classes.head, classes.corner)}
            style={{ width: ROW_HEADER_WIDTH }}
          >
            <span aria-hidden="true">◢</span>
          </div>
          {widths.map((w, c) => (
            <div
              key={c}
              role="columnheader"
              className={mergeClasses(
                classes.head,
                highlight !== null && c >= highlight.left && c <= highlight.right && classes.litHead
              )}
              style={{ width: w }}
            >
              {columnLetters(c)}
            </div>
          ))}
        </div>
      </div>
      {scroller && (
        <List
          role="rowgroup"
          listRef={listRef}
          scrollElement={scroller}
          rowComponent={GridRow}
          rowCount={rowCount}
          rowHeight={ROW_HEIGHT}
          rowProps={rowProps}
          overscanCount={10}
          style={{ width: totalWidth }}
          onRowsRendered={(_visible, all) => {
            rendered.current = { start: all.startIndex, stop: all.stopIndex };
            ensureRows(all.startIndex, all.stopIndex);
          }}
        />
      )}
    </div>
  );
}
