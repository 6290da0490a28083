/** A failed run: the message in the user's language (it starts with its code) and the next step to take. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { UiKey } from "../../i18n/ui";
import { localizeFailure } from "../outcome";
import type { SegmentFailure } from "../pane-actions";
import { usePaneLang } from "./usePaneLang";

export type NextStep = "mapping" | "refresh" | "asOf" | "settings" | "retry";

/** What to do after each kind of failure; none where the message says it all (protection, consent). */
export function nextStepFor(code: string): NextStep | null {
  switch (code) {
    case "MISSING_FIELD":
      return "mapping";
    case "NO_TABLE_FOUND":
    case "NO_DATA_ROWS":
    case "NO_CUSTOMERS":
    case "SHEET_NOT_FOUND":
      return "refresh";
    case "BAD_AS_OF":
      return "asOf";
    case "BAD_SETTINGS":
      return "settings";
    case "USER_COLUMN_NOT_EMPTY":
    case "SHEET_PROTECTED":
    case "UNSUPPORTED_HOST":
    case "NOT_A_WORKBOOK":
    case "FILE_NOT_FOUND":
      return null;
    default:
      return "retry";
  }
}

const STEP_KEYS: Record<NextStep, UiKey> = {
  mapping: "error.next.mapping",
  refresh: "error.next.refresh",
  asOf: "error.next.asOf",
  settings: "error.next.settings",
  retry: "error.next.retry",
};

export interface FailureViewProps {
  failure: SegmentFailure;
  onNext?: (step: NextStep) => void;
  busy?: boolean;
}

export function FailureView({ failure, onNext, busy }: FailureViewProps) {
  const { t } = useTranslation();
  const lang = usePaneLang();
  const step = nextStepFor(failure.code);
  return (
    <MessageBar intent="error" layout="multiline" data-error-code={failure.code} data-testid="failure">
      <MessageBarBody>
        <MessageBarTitle>{t("error.title")}</MessageBarTitle>
        {localizeFailure(failure, lang)}
      </MessageBarBody>
      {step && onNext && (
        <MessageBarActions>
          <Button size="small" disabled={busy} onClick={() => onNext(step)}>
            {t(STEP_KEYS[step])}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
