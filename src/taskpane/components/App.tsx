/**
 * The first pane: language, as-of date, the one button, then the counts per segment or the error.
 * It knows nothing of Excel: every workbook call goes through `actions`.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Select,
  Spinner,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { isValidIsoDate } from "../../engine/config";
import type { Lang } from "../../engine/types";
import type { RunStage, RunSummary } from "../../excel/types";
import { LANGS } from "../../i18n/headers";
import type { UiKey } from "../../i18n/ui";
import { toFailure, todayIso } from "../outcome";
import type { PaneActions, SegmentFailure, SegmentOutcome } from "../pane-actions";
import { FailureView } from "./FailureView";
import { ResultView } from "./ResultView";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    boxSizing: "border-box",
    minWidth: "260px",
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  status: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

type RunState =
  | { kind: "idle" }
  | { kind: "running"; stage?: RunStage }
  | { kind: "done"; summary: RunSummary }
  | { kind: "failed"; failure: SegmentFailure };

const STAGE_KEYS: Record<RunStage, UiKey> = {
  find: "run.stage.find",
  read: "run.stage.read",
  segment: "run.stage.segment",
  write: "run.stage.write",
};

const LANG_KEYS: Record<Lang, UiKey> = { "zh-CN": "lang.zh-CN", "zh-TW": "lang.zh-TW", en: "lang.en" };

export interface AppProps {
  actions: PaneActions;
  /** yyyy-mm-dd; today when absent. */
  initialAsOf?: string;
}

export function App({ actions, initialAsOf }: AppProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const lang = (LANGS as readonly string[]).includes(i18n.language) ? (i18n.language as Lang) : "en";
  const [asOf, setAsOf] = React.useState(() => initialAsOf ?? todayIso());
  const [consent, setConsent] = React.useState(false);
  const [askConsent, setAskConsent] = React.useState(false);
  const [state, setState] = React.useState<RunState>({ kind: "idle" });
  const running = state.kind === "running";
  const asOfValid = isValidIsoDate(asOf);

  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const run = async () => {
    setState({ kind: "running" });
    let outcome: SegmentOutcome;
    try {
      outcome = await actions.segment({
        asOf,
        lang,
        overwriteTemplateColumns: consent,
        onProgress: (stage) => setState({ kind: "running", stage }),
      });
    } catch (e) {
      outcome = toFailure(e, lang); // actions should not throw; never leave the spinner turning
    }
    if (outcome.ok) {
      setState({ kind: "done", summary: outcome.summary });
      setConsent(false);
      setAskConsent(false);
    } else {
      setState({ kind: "failed", failure: outcome });
      if (outcome.code === "USER_COLUMN_NOT_EMPTY") setAskConsent(true);
    }
  };

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">{t("app.title")}</Title3>
        <Caption1>{t("app.subtitle")}</Caption1>
      </header>

      <div className={styles.form}>
        <Field label={t("form.language")}>
          <Select value={lang} disabled={running} onChange={(_, data) => void i18n.changeLanguage(data.value)}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {t(LANG_KEYS[l])}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={t("form.asOf")}
          hint={asOfValid ? t("form.asOfHint") : undefined}
          validationState={asOfValid ? "none" : "error"}
          validationMessage={asOfValid ? undefined : t("form.asOfInvalid")}
        >
          <Input type="date" value={asOf} disabled={running} onChange={(_, data) => setAsOf(data.value)} />
        </Field>
        {(askConsent || consent) && (
          <Field hint={t("form.overwriteHint")}>
            <Checkbox
              checked={consent}
              disabled={running}
              label={t("form.overwriteConsent")}
              onChange={(_, data) => setConsent(data.checked === true)}
            />
          </Field>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" disabled={running || !asOfValid} onClick={() => void run()}>
            {t("form.segment")}
          </Button>
          {running && <Spinner size="tiny" label={state.stage ? t(STAGE_KEYS[state.stage]) : t("run.running")} />}
        </div>
      </div>

      <div className={styles.status} aria-live="polite">
        {state.kind === "done" && <ResultView summary={state.summary} />}
        {state.kind === "failed" && <FailureView failure={state.failure} />}
      </div>
    </main>
  );
}
