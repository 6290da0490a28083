/** The eight customer-type names (settings.rfm.labels): empty keeps the default of the pane's language. */
import { Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { RFM_CODES, rfmLabels } from "../../../engine/rfm/labels";
import { getIn, setIn } from "../../settings/json";
import { usePaneLang } from "../usePaneLang";
import { problemAt, type SettingProps } from "./types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

export function LabelsSetting({ json, onChange, disabled, problem }: SettingProps) {
  const { t } = useTranslation();
  const lang = usePaneLang();
  const styles = useStyles();
  const defaults = rfmLabels(lang);
  return (
    <div className={styles.root} role="group" aria-labelledby="ss-labels-title">
      <Caption1 id="ss-labels-title">
        {t("settings.labels")} · {t("settings.labelsHint")}
      </Caption1>
      {RFM_CODES.map((code) => {
        const path = ["rfm", "labels", code];
        const raw = getIn(json, path);
        const mine = problemAt(problem, path);
        return (
          <Field
            key={code}
            orientation="horizontal"
            label={{
              children: <span className={styles.code}>{code}</span>,
              "aria-label": t("settings.labelFor", { code }),
            }}
            validationState={mine ? "error" : "none"}
            validationMessage={mine?.message}
          >
            <Input
              value={typeof raw === "string" ? raw : ""}
              placeholder={defaults[code]}
              disabled={disabled}
              onChange={(_, data) => onChange(setIn(json, path, data.value.trim() === "" ? undefined : data.value))}
            />
          </Field>
        );
      })}
    </div>
  );
}
