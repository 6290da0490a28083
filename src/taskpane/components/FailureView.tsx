/** A failed run: the message in the user's language, which starts with its code. */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { SegmentFailure } from "../pane-actions";

export interface FailureViewProps {
  failure: SegmentFailure;
}

export function FailureView({ failure }: FailureViewProps) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" layout="multiline" data-error-code={failure.code}>
      <MessageBarBody>
        <MessageBarTitle>{t("error.title")}</MessageBarTitle>
        {failure.message}
      </MessageBarBody>
    </MessageBar>
  );
}
