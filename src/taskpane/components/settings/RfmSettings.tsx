/** RFM settings: scoring, how high and low are split, the thresholds and (orders tables) the window. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { DEFAULT_THRESHOLDS, defaultSettings } from "../../../engine/config";
import type { UiKey } from "../../../i18n/ui";
import { engineAccepts, getIn } from "../../settings/json";
import { ChoiceSetting, type ChoiceOption } from "./ChoiceSetting";
import { NumberSetting } from "./NumberSetting";
import type { SettingProps } from "./types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

/** Every scoring the pane can name; ChoiceSetting shows those the engine accepts. */
const SCORINGS: readonly ChoiceOption[] = [
  { value: "quintiles", labelKey: "settings.scoring.quintiles" },
  { value: "seedBins", labelKey: "settings.scoring.seedBins" },
  { value: "rPackage", labelKey: "settings.scoring.rPackage" },
];

const SPLITS: readonly ChoiceOption[] = [
  { value: "mean", labelKey: "settings.split.mean" },
  { value: "thresholds", labelKey: "settings.split.thresholds" },
];

const THRESHOLDS: ReadonlyArray<{ key: keyof typeof DEFAULT_THRESHOLDS; labelKey: UiKey }> = [
  { key: "recencyDays", labelKey: "settings.threshold.recencyDays" },
  { key: "frequency", labelKey: "settings.threshold.frequency" },
  { key: "monetary", labelKey: "settings.threshold.monetary" },
];

const WINDOW_PATH = ["rfm", "windowMonths"];
const DEFAULT_WINDOW_MONTHS = 6;

export function RfmSettings(props: SettingProps) {
  const styles = useStyles();
  const defaults = defaultSettings();
  const split = getIn(props.json, ["rfm", "split"]) ?? defaults.rfm.split;
  const windowSupported = engineAccepts(WINDOW_PATH, DEFAULT_WINDOW_MONTHS);
  return (
    <div className={styles.root}>
      <ChoiceSetting
        {...props}
        path={["rfm", "scoring"]}
        labelKey="settings.scoring"
        options={SCORINGS}
        defaultValue={defaults.rfm.scoring}
      />
      <ChoiceSetting
        {...props}
        path={["rfm", "split"]}
        labelKey="settings.split"
        options={SPLITS}
        defaultValue={defaults.rfm.split}
      />
      {split === "thresholds" &&
        THRESHOLDS.map(({ key, labelKey }) => (
          <NumberSetting
            key={key}
            {...props}
            path={["rfm", "thresholds", key]}
            labelKey={labelKey}
            defaultValue={DEFAULT_THRESHOLDS[key]}
            min={0}
          />
        ))}
      {windowSupported && (
        <NumberSetting
          {...props}
          path={WINDOW_PATH}
          labelKey="settings.windowMonths"
          defaultValue={DEFAULT_WINDOW_MONTHS}
          min={1}
          max={120}
        />
      )}
    </div>
  );
}
