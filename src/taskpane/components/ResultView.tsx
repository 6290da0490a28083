/** After a run: the summary, customers per segment (bars), the RFM heat map, and links into the workbook. */
import { Body1, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Heatmap } from "../engine/heatmap";
import type { RunSummary } from "../../excel/types";
import type { SelectTarget } from "../pane-actions";
import { PANE_IDS } from "./ids";
import { RfmHeatmap } from "./RfmHeatmap";
import { SegmentBars } from "./SegmentBars";
import { usePaneLang } from "./usePaneLang";
import { WrittenLinks } from "./WrittenLinks";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  title: { outlineStyle: "none" },
});

export interface ResultViewProps {
  summary: RunSummary;
  heatmap: Heatmap | null;
  onSelect: (target: SelectTarget) => void;
  busy: boolean;
}

export function ResultView({ summary, heatmap, onSelect, busy }: ResultViewProps) {
  const { t } = useTranslation();
  const lang = usePaneLang();
  const styles = useStyles();
  const count = new Intl.NumberFormat(lang);
  return (
    <section className={styles.root} aria-labelledby={PANE_IDS.result} data-testid="result">
      <Subtitle2 as="h2" id={PANE_IDS.result} tabIndex={-1} className={styles.title}>
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
      {(summary.cleaning.applied.cells > 0 || summary.cleaning.notedRows > 0) && (
        <Caption1 data-testid="result-cleaning">
          {t("result.cleaning", {
            cells: count.format(summary.cleaning.applied.cells),
            rows: count.format(summary.cleaning.notedRows),
          })}
        </Caption1>
      )}
      {summary.segments.length === 0 ? <Body1>{t("result.empty")}</Body1> : <SegmentBars segments={summary.segments} />}
      {heatmap && heatmap.total > 0 && <RfmHeatmap heatmap={heatmap} />}
      <WrittenLinks summary={summary} onSelect={onSelect} disabled={busy} />
    </section>
  );
}
