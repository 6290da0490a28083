/**
 * The RFM heat map: customers per (R score, F score), R from high (top) to low, F from low (left) to
 * high. A table with row and column headers, so each number is read with its two scores; the shade
 * repeats the number for the eye and comes from the theme's brand ramp, with text colours that keep
 * their contrast on every shade.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { heatLevel, heatmapPeak, type Heatmap } from "../engine/heatmap";
import { usePaneLang } from "./usePaneLang";

const useStyles = makeStyles({
  figure: { margin: 0 },
  table: {
    borderCollapse: "separate",
    borderSpacing: "2px",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontVariantNumeric: "tabular-nums",
    width: "100%",
    tableLayout: "fixed",
  },
  caption: {
    captionSide: "top",
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    paddingBottom: tokens.spacingVerticalXS,
  },
  axis: {
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: "2px",
    textAlign: "center",
  },
  corner: { textAlign: "start", width: "4.5em", whiteSpace: "nowrap" },
  axisTitle: { fontWeight: tokens.fontWeightSemibold, textAlign: "center" },
  cell: { textAlign: "center", padding: `${tokens.spacingVerticalXS} 0`, borderRadius: tokens.borderRadiusSmall },
  l0: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground2,
    outline: `1px solid ${tokens.colorNeutralStroke2}`,
    outlineOffset: "-1px",
  },
  l1: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorNeutralForeground1 },
  l2: { backgroundColor: tokens.colorBrandStroke2, color: tokens.colorNeutralForeground1 },
  l3: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
  l4: { backgroundColor: tokens.colorBrandBackgroundPressed, color: tokens.colorNeutralForegroundOnBrand },
  note: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    marginTop: tokens.spacingVerticalXS,
  },
});

export interface RfmHeatmapProps {
  heatmap: Heatmap;
}

export function RfmHeatmap({ heatmap }: RfmHeatmapProps) {
  const { t } = useTranslation();
  const lang = usePaneLang();
  const styles = useStyles();
  const count = new Intl.NumberFormat(lang);
  const peak = heatmapPeak(heatmap);
  const levels = [styles.l0, styles.l1, styles.l2, styles.l3, styles.l4];
  const fScores = Array.from({ length: heatmap.fMax }, (_, i) => i + 1);
  const rScores = Array.from({ length: heatmap.rMax }, (_, i) => heatmap.rMax - i);
  return (
    <figure className={styles.figure} data-testid="rfm-heatmap">
      <table className={styles.table}>
        <caption className={styles.caption}>{t("result.heatmap.title")}</caption>
        <thead>
          <tr>
            <td className={styles.corner} />
            <th scope="colgroup" colSpan={heatmap.fMax} className={mergeClasses(styles.axis, styles.axisTitle)}>
              {t("result.heatmap.f")} →
            </th>
          </tr>
          <tr>
            <th scope="col" className={mergeClasses(styles.axis, styles.corner, styles.axisTitle)}>
              {t("result.heatmap.r")} ↓
            </th>
            {fScores.map((f) => (
              <th key={f} scope="col" className={styles.axis}>
                {f}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rScores.map((r) => (
            <tr key={r}>
              <th scope="row" className={mergeClasses(styles.axis, styles.corner)}>
                {r}
              </th>
              {fScores.map((f) => {
                const n = heatmap.counts[r - 1][f - 1];
                return (
                  <td
                    key={f}
                    className={mergeClasses(styles.cell, levels[heatLevel(n, peak)])}
                    title={t("result.heatmap.cell", { r, f, count: count.format(n) })}
                    data-r={r}
                    data-f={f}
                  >
                    {count.format(n)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className={styles.note}>{t("result.heatmap.caption")}</figcaption>
    </figure>
  );
}
