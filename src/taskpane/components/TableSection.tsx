/** The detected table: where it is, what kind, and the field mapping; or why there is none. */
import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { FieldMapping as Mapping } from "../engine/mapping";
import { localizeFailure } from "../outcome";
import type { InspectOutcome } from "../pane-actions";
import type { SettingsJson } from "../settings/json";
import { FieldMapping, fieldKey, requirementText } from "./FieldMapping";
import { clauseSeparator } from "./lists";
import { usePaneLang } from "./usePaneLang";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  head: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
});

/** Failures for which another sheet may be the answer. */
const NOT_FOUND_CODES = ["NO_TABLE_FOUND", "NO_DATA_ROWS", "SHEET_NOT_FOUND"];

export type Inspecting = { kind: "loading" } | { kind: "done"; outcome: InspectOutcome };

export interface TableSectionProps {
  state: Inspecting;
  mapping: Mapping | null;
  json: SettingsJson;
  onChange: (json: SettingsJson) => void;
  onRefresh: () => void;
  disabled: boolean;
}

export function TableSection({ state, mapping, json, onChange, onRefresh, disabled }: TableSectionProps) {
  const { t } = useTranslation();
  const lang = usePaneLang();
  const styles = useStyles();
  const label = (field: string) => t(fieldKey(field), { defaultValue: field });
  const outcome = state.kind === "done" ? state.outcome : null;
  return (
    <section className={styles.root} aria-labelledby="ss-table-title" data-testid="table-section">
      <div className={styles.head}>
        <Subtitle2 as="h2" id="ss-table-title">
          {t("table.title")}
        </Subtitle2>
        <Button size="small" appearance="subtle" disabled={disabled || state.kind === "loading"} onClick={onRefresh}>
          {t("table.refresh")}
        </Button>
      </div>
      {state.kind === "loading" && <Spinner size="tiny" labelPosition="after" label={t("table.detecting")} />}
      {outcome && !outcome.ok && (
        <MessageBar intent="warning" layout="multiline" data-error-code={outcome.code}>
          <MessageBarBody>
            {localizeFailure(outcome, lang)} {NOT_FOUND_CODES.includes(outcome.code) && t("table.notFoundHint")}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.ok && mapping && (
        <>
          <Body1>
            {t("table.found", {
              sheet: outcome.inspection.sheet,
              headerRow: outcome.inspection.headerRow,
              rows: new Intl.NumberFormat(lang).format(outcome.inspection.scan.rows),
            })}{" "}
            {mapping.kind ? t(mapping.kind === "orders" ? "table.kind.orders" : "table.kind.customers") : null}
          </Body1>
          {mapping.missing.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="mapping-missing">
              <MessageBarBody>
                {t("table.missing", {
                  fields: mapping.missing.map((m) => requirementText(m, label)).join(clauseSeparator(lang)),
                })}
              </MessageBarBody>
            </MessageBar>
          )}
          <FieldMapping
            headers={outcome.inspection.scan.headers}
            mapping={mapping}
            json={json}
            onChange={onChange}
            disabled={disabled}
          />
        </>
      )}
    </section>
  );
}
