/**
 * Customers per segment as a bar chart that is also a table: code, label, count, and the share as a
 * bar. A table reads well to screen readers and keyboard users, and costs nothing to ship (a charting
 * library would add ~60 KiB gzipped to the pane for eight bars; see the issue #6 report).
 */
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { SegmentCount } from "../../engine/types";
import { usePaneLang } from "./usePaneLang";

const useStyles = makeStyles({
  caption: {
    captionSide: "top",
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXS,
  },
  label: { display: "flex", flexDirection: "column", paddingTop: "2px", paddingBottom: "2px" },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", width: "4em" },
  share: { width: "38%" },
  shareCell: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, width: "100%" },
  track: {
    flex: "1 1 auto",
    height: "10px",
    backgroundColor: tokens.colorNeutralBackground4,
    borderRadius: tokens.borderRadiusSmall,
    overflow: "hidden",
    minWidth: "24px",
  },
  bar: { height: "100%", backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
  percent: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", minWidth: "3.2em", textAlign: "right" },
});

export interface SegmentBarsProps {
  segments: SegmentCount[];
}

export function SegmentBars({ segments }: SegmentBarsProps) {
  const { t } = useTranslation();
  const lang = usePaneLang();
  const styles = useStyles();
  const count = new Intl.NumberFormat(lang);
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  const total = segments.reduce((sum, s) => sum + s.count, 0);
  const peak = segments.reduce((m, s) => Math.max(m, s.count), 0);
  return (
    <Table size="extra-small" data-testid="segment-bars">
      <caption className={styles.caption}>{t("result.chart.title")}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>
            {t("result.column.label")} · {t("result.column.code")}
          </TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t("result.column.count")}</TableHeaderCell>
          <TableHeaderCell className={styles.share}>{t("result.column.share")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {segments.map((s) => (
          <TableRow key={s.code} data-code={s.code}>
            <TableCell>
              <span className={styles.label}>
                <span>{s.label}</span>
                <span className={styles.code}>{s.code}</span>
              </span>
            </TableCell>
            <TableCell className={styles.number}>{count.format(s.count)}</TableCell>
            <TableCell className={styles.share}>
              <div className={styles.shareCell}>
                <div className={styles.track} aria-hidden="true">
                  <div
                    className={mergeClasses(styles.bar)}
                    style={{ width: `${peak > 0 ? Math.max(2, (s.count / peak) * 100) : 0}%` }}
                  />
                </div>
                <span className={styles.percent}>{total > 0 ? percent.format(s.count / total) : "–"}</span>
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
