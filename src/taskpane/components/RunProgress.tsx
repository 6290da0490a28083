/** The progress bar of a run, with its stage in words ("Step 2 of 4: Reading the data…"). */
import { Field, ProgressBar } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { RunStage } from "../../excel/types";
import type { UiKey } from "../../i18n/ui";
import { STAGES } from "../progress";

const STAGE_KEYS: Partial<Record<RunStage, UiKey>> = {
  find: "run.stage.find",
  read: "run.stage.read",
  segment: "run.stage.segment",
  write: "run.stage.write",
};

export interface RunProgressProps {
  stage?: RunStage;
  /** 0…1; undefined for a run whose progress is not known (from the ribbon). */
  value?: number;
  /** The text when there is no stage. */
  idleText?: string;
}

export function RunProgress({ stage, value, idleText }: RunProgressProps) {
  const { t } = useTranslation();
  const key = stage ? STAGE_KEYS[stage] : undefined;
  const step = stage ? STAGES.indexOf(stage) + 1 : 0;
  const text =
    key && step > 0
      ? t("run.step", { step, steps: STAGES.length, stage: t(key) })
      : key
        ? t(key)
        : (idleText ?? t("run.running"));
  return (
    <Field label={t("run.progress")} hint={text} data-testid="run-progress">
      <ProgressBar value={value} thickness="large" aria-valuetext={text} />
    </Field>
  );
}
