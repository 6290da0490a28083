/** The counts per segment after a run: code, label, customers, share. */
import {
  Body1,
  Caption1,
  Subtitle2,
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
import type { RunSummary } from "../../excel/types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  code: { fontFamily: tokens.fontFamilyMonospace, width: "3.5em" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", width: "4.5em" },
  share: { width: "4em" },
});

export interface ResultViewProps {
  summary: RunSummary;
}

export function ResultView({ summary }: ResultViewProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const count = new Intl.NumberFormat(i18n.language);
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 });
  const total = summary.segments.reduce((sum, s) => sum + s.count, 0);
  return (
    <section className={styles.root} aria-labelledby="result-title">
      <Subtitle2 as="h2" id="result-title">
        {t("result.title")}
      </Subtitle2>
      <Body1>
        {t("result.summary", {
          sheet: summary.sheet,
          customers: count.format(summary.customers),
          asOf: summary.rfm.asOf,
        })}
      </Body1>
      {summary.report.rowsWithoutId > 0 && (
        <Caption1>{t("result.skipped", { rows: count.format(summary.report.rowsWithoutId) })}</Caption1>
      )}
      {summary.segments.length === 0 ? (
        <Body1>{t("result.empty")}</Body1>
      ) : (
        <Table size="small" aria-labelledby="result-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.code}>{t("result.column.code")}</TableHeaderCell>
              <TableHeaderCell>{t("result.column.label")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("result.column.count")}</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(styles.number, styles.share)}>
                {t("result.column.share")}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {summary.segments.map((s) => (
              <TableRow key={s.code}>
                <TableCell className={styles.code}>{s.code}</TableCell>
                <TableCell>{s.label}</TableCell>
                <TableCell className={styles.number}>{count.format(s.count)}</TableCell>
                <TableCell className={mergeClasses(styles.number, styles.share)}>
                  {total > 0 ? percent.format(s.count / total) : "–"}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
