/** Links that show what the run wrote: each written column's cells, and the sheets it wrote. */
import { Link, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { RunSummary } from "../../excel/types";
import type { SelectTarget } from "../pane-actions";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: "2px" },
});

export interface WrittenLinksProps {
  summary: RunSummary;
  onSelect: (target: SelectTarget) => void;
  disabled: boolean;
}

export function WrittenLinks({ summary, onSelect, disabled }: WrittenLinksProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { written } = summary;
  const columns = Object.entries(written.columnAddresses).filter(
    (e): e is [string, string] => typeof e[1] === "string"
  );
  if (columns.length === 0 && written.sheets.length === 0) return null;
  return (
    <nav className={styles.root} aria-labelledby="ss-links-title" data-testid="written-links">
      <Subtitle2 as="h3" id="ss-links-title">
        {t("result.links.title")}
      </Subtitle2>
      <ul className={styles.list}>
        {columns.map(([key, address]) => {
          const header = (written.columns as Record<string, string | undefined>)[key] ?? key;
          return (
            <li key={key}>
              <Link
                as="button"
                disabled={disabled}
                data-address={address}
                onClick={() => onSelect({ kind: "range", address })}
              >
                {t("result.links.column", { header })}
              </Link>
            </li>
          );
        })}
        {written.sheets
          .filter((s) => s !== summary.sheet)
          .map((sheet) => (
            <li key={sheet}>
              <Link
                as="button"
                disabled={disabled}
                data-sheet={sheet}
                onClick={() => onSelect({ kind: "sheet", sheet })}
              >
                {t("result.links.sheet", { sheet })}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
