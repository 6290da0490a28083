/**
 * Which header is taken for which field. Each field the run needs can be pointed at another header
 * (settings.fields); "automatic" leaves it to the engine's header recognition, and says what it found.
 */
import { Caption1, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { FieldKey } from "../../engine/types";
import type { UiKey } from "../../i18n/ui";
import { MAPPABLE_FIELDS, type FieldMapping as Mapping } from "../engine/mapping";
import { getIn, setIn, type SettingsJson } from "../settings/json";
import { PANE_IDS } from "./ids";
import { listSeparator } from "./lists";
import { usePaneLang } from "./usePaneLang";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  caption: { color: tokens.colorNeutralForeground2 },
  // A header can be long: the select shrinks (and its text is cut) rather than widen the pane.
  field: { gridTemplateColumns: "minmax(0, 38%) minmax(0, 1fr)" },
  select: { minWidth: 0 },
});

export const fieldKey = (field: string) => `field.${field}` as UiKey;

/** "lastPurchase|recency" → "最后购买时间 / 距今天数"; "quantity+unitPrice" → "数量 + 单价". */
export function requirementText(requirement: string, label: (field: string) => string): string {
  return requirement
    .split("|")
    .map((alt) => alt.split("+").map(label).join(" + "))
    .join(" / ");
}

export interface FieldMappingProps {
  headers: string[];
  mapping: Mapping;
  json: SettingsJson;
  onChange: (json: SettingsJson) => void;
  disabled: boolean;
}

export function FieldMapping({ headers, mapping, json, onChange, disabled }: FieldMappingProps) {
  const { t } = useTranslation();
  const lang = usePaneLang();
  const styles = useStyles();
  const label = (field: string) => t(fieldKey(field), { defaultValue: field });
  const rows = MAPPABLE_FIELDS[mapping.likelyKind];
  const missing = new Set(mapping.missing.flatMap((m) => m.split(/[|+]/)));
  const choices = [...new Set(headers.filter((h) => h.trim() !== ""))];

  const mappedColumns = new Set(Object.values(mapping.fields));
  const others = (Object.entries(mapping.fields) as [FieldKey, number][])
    .filter(([field]) => !rows.includes(field))
    .map(([field, col]) => (headers[col] === label(field) ? headers[col] : `${headers[col]} → ${label(field)}`));
  const unused = headers.filter((h, i) => h.trim() !== "" && !mappedColumns.has(i));

  return (
    <div className={styles.root} role="group" aria-labelledby="ss-mapping-title">
      <Caption1 id="ss-mapping-title" as="h3">
        {t("table.mapping")}
      </Caption1>
      {rows.map((field, i) => {
        const override = getIn(json, ["fields", field]);
        const chosen = typeof override === "string" ? override : "";
        const col = mapping.fields[field];
        const auto =
          col !== undefined && chosen === ""
            ? t("table.mapping.auto", { header: headers[col] })
            : t("table.mapping.autoNone");
        const lacking = mapping.missing.length > 0 && missing.has(field) && col === undefined;
        const notFound = mapping.overridesNotFound.includes(field);
        return (
          <Field
            key={field}
            className={styles.field}
            orientation="horizontal"
            label={label(field)}
            validationState={lacking || notFound ? "error" : "none"}
            validationMessage={
              notFound ? t("table.overrideNotFound", { field: label(field), header: chosen }) : undefined
            }
          >
            <Select
              className={styles.select}
              id={i === 0 ? PANE_IDS.mapping : undefined}
              value={chosen}
              disabled={disabled}
              data-field={field}
              onChange={(_, data) =>
                onChange(setIn(json, ["fields", field], data.value === "" ? undefined : data.value))
              }
            >
              <option value="">{auto}</option>
              {notFound && <option value={chosen}>{chosen}</option>}
              {choices.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
      {others.length > 0 && (
        <Caption1 className={styles.caption}>{t("table.others", { list: others.join(listSeparator(lang)) })}</Caption1>
      )}
      {unused.length > 0 && (
        <Caption1 className={styles.caption}>{t("table.unused", { list: unused.join(listSeparator(lang)) })}</Caption1>
      )}
    </div>
  );
}
