/**
 * The as-of date. When the data's latest purchase lies long before it, every customer would look
 * lapsed: the field says so and offers the data's own last date.
 */
import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { isValidIsoDate } from "../../engine/config";
import { daysBetween } from "../outcome";
import { PANE_IDS } from "./ids";

/** A gap longer than this (days) between the latest purchase and the as-of date is worth a warning. */
export const LONG_GAP_DAYS = 90;

export type AsOfAdvice =
  | { kind: "none" }
  | { kind: "latest"; latest: string }
  | { kind: "gap"; latest: string; days: number }
  | { kind: "after"; latest: string };

export function asOfAdvice(asOf: string, latest: string | null): AsOfAdvice {
  if (latest === null || !isValidIsoDate(asOf)) return { kind: "none" };
  const days = daysBetween(latest, asOf);
  if (days > LONG_GAP_DAYS) return { kind: "gap", latest, days };
  if (days < 0) return { kind: "after", latest };
  return { kind: "latest", latest };
}

export interface AsOfFieldProps {
  asOf: string;
  onChange: (asOf: string) => void;
  /** The latest purchase date in the data, when known. */
  latest: string | null;
  disabled: boolean;
}

export function AsOfField({ asOf, onChange, latest, disabled }: AsOfFieldProps) {
  const { t } = useTranslation();
  const valid = isValidIsoDate(asOf);
  const advice = asOfAdvice(asOf, latest);
  return (
    <>
      <Field
        label={t("form.asOf")}
        hint={
          valid
            ? `${t("form.asOfHint")}${advice.kind === "latest" ? ` ${t("asof.latest", { latest: advice.latest })}` : ""}`
            : undefined
        }
        validationState={valid ? "none" : "error"}
        validationMessage={valid ? undefined : t("form.asOfInvalid")}
      >
        <Input
          id={PANE_IDS.asOf}
          type="date"
          value={asOf}
          disabled={disabled}
          onChange={(_, data) => onChange(data.value)}
        />
      </Field>
      {advice.kind === "gap" && (
        <MessageBar intent="warning" layout="multiline" data-testid="as-of-gap">
          <MessageBarBody>{t("asof.gap", { latest: advice.latest, days: advice.days })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={disabled} onClick={() => onChange(advice.latest)}>
              {t("asof.useLatest", { latest: advice.latest })}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {advice.kind === "after" && (
        <MessageBar intent="info" layout="multiline" data-testid="as-of-after">
          <MessageBarBody>{t("asof.after", { latest: advice.latest })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={disabled} onClick={() => onChange(advice.latest)}>
              {t("asof.useLatest", { latest: advice.latest })}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}
