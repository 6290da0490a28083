/**
 * One setting with a few named values (radio buttons). Offers only the values the engine accepts
 * (engineAccepts), so a scoring the engine does not know yet never shows; with a single value it
 * just says which one applies.
 */
import * as React from "react";
import { Body1, Field, Radio, RadioGroup } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { UiKey } from "../../../i18n/ui";
import { engineAccepts, getIn, setIn, type SettingsPath } from "../../settings/json";
import { problemAt, type SettingProps } from "./types";

export interface ChoiceOption {
  value: string;
  labelKey: UiKey;
}

export interface ChoiceSettingProps extends SettingProps {
  path: SettingsPath;
  labelKey: UiKey;
  options: readonly ChoiceOption[];
  /** The value in force when the JSON has none. */
  defaultValue: string;
}

export function ChoiceSetting({
  json,
  onChange,
  disabled,
  problem,
  path,
  labelKey,
  options,
  defaultValue,
}: ChoiceSettingProps) {
  const { t } = useTranslation();
  const offered = React.useMemo(() => options.filter((o) => engineAccepts(path, o.value)), [options, path]);
  const raw = getIn(json, path);
  const value = typeof raw === "string" ? raw : defaultValue;
  const mine = problemAt(problem, path);
  if (offered.length <= 1 && !mine) {
    const only = offered[0] ?? options.find((o) => o.value === value);
    return (
      <Field label={t(labelKey)}>
        <Body1>{only ? t(only.labelKey) : value}</Body1>
      </Field>
    );
  }
  return (
    <Field label={t(labelKey)} validationState={mine ? "error" : "none"} validationMessage={mine?.message}>
      <RadioGroup
        value={value}
        disabled={disabled}
        onChange={(_, data) => onChange(setIn(json, path, data.value === defaultValue ? undefined : data.value))}
      >
        {offered.map((o) => (
          <Radio key={o.value} value={o.value} label={t(o.labelKey)} />
        ))}
      </RadioGroup>
    </Field>
  );
}
