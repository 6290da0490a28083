/**
 * One numeric setting. Empty means "the default" (shown as the placeholder). What the user types is
 * kept as typed until it is a valid number, so that a half-typed value is flagged here, in the user's
 * language, and keeps the run button off, instead of being silently dropped.
 */
import { Field, Input } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { UiKey } from "../../../i18n/ui";
import { getIn, setIn, type SettingsPath } from "../../settings/json";
import { problemAt, type SettingProps } from "./types";

export interface NumberSettingProps extends SettingProps {
  path: SettingsPath;
  labelKey: UiKey;
  /** Shown when empty: the value in force. */
  defaultValue: number;
  min: number;
  /** With a maximum, only whole numbers from min to max are valid. */
  max?: number;
  id?: string;
}

/** A typed text as a number, or null when it is not a valid one. */
export function readNumber(text: string, min: number, max?: number): number | null {
  const t = text.trim().replace(/,/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  if (!Number.isFinite(n) || n < min) return null;
  if (max !== undefined && (!Number.isInteger(n) || n > max)) return null;
  return n;
}

export function NumberSetting(props: NumberSettingProps) {
  const { json, onChange, disabled, problem, path, labelKey, defaultValue, min, max, id } = props;
  const { t } = useTranslation();
  const raw = getIn(json, path);
  const text = raw === undefined ? "" : String(raw);
  const locallyBad = text.trim() !== "" && readNumber(text, min, max) === null;
  const engineProblem = problemAt(problem, path);
  const message = locallyBad
    ? max === undefined
      ? t("settings.numberInvalid", { min })
      : t("settings.wholeInvalid", { min, max })
    : engineProblem?.message;
  return (
    <Field label={t(labelKey)} validationState={message ? "error" : "none"} validationMessage={message}>
      <Input
        id={id}
        inputMode="decimal"
        value={text}
        placeholder={String(defaultValue)}
        disabled={disabled}
        onChange={(_, data) => {
          const typed = data.value;
          const n = readNumber(typed, min, max);
          onChange(setIn(json, path, typed.trim() === "" ? undefined : (n ?? typed)));
        }}
      />
    </Field>
  );
}
