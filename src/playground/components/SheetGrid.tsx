/** A read-only grid of one sheet, Excel-like: column letters, row numbers, displayed text. */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { GridData } from "../host-actions";

const useStyles = makeStyles({
  scroller: { flex: "1 1 auto", overflow: "auto", minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontVariantNumeric: "tabular-nums",
  },
  corner: { position: "sticky", top: 0, left: 0, zIndex: 3 },
  colHead: { position: "sticky", top: 0, zIndex: 2, textAlign: "center", fontWeight: tokens.fontWeightRegular },
  rowHead: { position: "sticky", left: 0, zIndex: 1, textAlign: "right", fontWeight: tokens.fontWeightRegular },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalS}`,
    minWidth: "2.5em",
  },
  cell: {
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: `1px ${tokens.spacingHorizontalS}`,
    whiteSpace: "nowrap",
    maxWidth: "16em",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  numeric: { textAlign: "right" },
  // Nothing to its right: long text shows in full, as it would spill over in Excel.
  last: { maxWidth: "none" },
});

/** 0 → A, 25 → Z, 26 → AA … */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface SheetGridProps {
  grid: GridData;
}

export function SheetGrid({ grid }: SheetGridProps) {
  const styles = useStyles();
  const columns = Array.from({ length: grid.columnCount }, (_, i) => i);
  return (
    <div className={styles.scroller} tabIndex={0} aria-label={grid.sheet}>
      <table className={styles.table} data-sheet={grid.sheet}>
        <thead>
          <tr>
            <th className={mergeClasses(styles.head, styles.corner)} aria-hidden="true" />
            {columns.map((c) => (
              <th key={c} scope="col" className={mergeClasses(styles.head, styles.colHead)}>
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.cells.map((row, r) => (
            <tr key={r}>
              <th scope="row" className={mergeClasses(styles.head, styles.rowHead)}>
                {r + 1}
              </th>
              {row.map((cell, c) => (
                <td
                  key={c}
                  className={mergeClasses(
                    styles.cell,
                    cell.numeric && styles.numeric,
                    c === grid.columnCount - 1 && styles.last
                  )}
                  title={cell.text.length > 12 ? cell.text : undefined}
                >
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
