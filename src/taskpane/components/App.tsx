/**
 * The task pane: language, the detected table and its field mapping, the as-of date, the settings,
 * the one button, progress, then the results or the error. It knows nothing of Excel: every workbook
 * call goes through `actions`.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { isValidIsoDate } from "../../engine/config";
import type { FieldKey, Lang } from "../../engine/types";
import { LANGS } from "../../i18n/headers";
import type { UiKey } from "../../i18n/ui";
import { deriveMapping, latestPurchase } from "../engine/mapping";
import { errorText, localizeFailure, toFailure, todayIso } from "../outcome";
import type {
  PaneActions,
  SegmentFailure,
  SegmentOutcome,
  SegmentSuccess,
  InspectOutcome,
  SelectTarget,
  UndoResult,
} from "../pane-actions";
import { progressFraction, type RunProgress as Progress } from "../progress";
import { checkSettings, getIn, setIn, type SettingsJson } from "../settings/json";
import { AsOfField } from "./AsOfField";
import { FailureView, type NextStep } from "./FailureView";
import { PANE_IDS, focusPaneElement } from "./ids";
import { ResultView } from "./ResultView";
import { RunProgress } from "./RunProgress";
import { CleaningReview, REVIEW_TITLE_ID } from "./CleaningReview";
import { needsReview, noFixes, type ReviewChoice } from "../review";
import type { SheetReview } from "../../excel/types";
import type { DuplicateResolution } from "../../engine/clean/types";
import { SettingsPanel } from "./settings/SettingsPanel";
import type { SettingsProblem } from "./settings/types";
import { TableSection, type Inspecting } from "./TableSection";
import { usePaneLang } from "./usePaneLang";

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
  actions: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  status: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

type RunState =
  | { kind: "idle" }
  /** `external`: started by the ribbon command; its progress is not known here. */
  | { kind: "running"; progress?: Progress; fraction?: number; external?: boolean; checking?: boolean }
  /** The review step: what cleaning found, before anything is written. */
  | { kind: "reviewing"; review: SheetReview; choice: ReviewChoice }
  | { kind: "done"; outcome: SegmentSuccess }
  /** "Undo last run" put the workbook back. */
  | { kind: "undone"; restoredRanges: number; deletedSheets: string[] }
  | { kind: "failed"; failure: SegmentFailure };

const LANG_KEYS: Record<Lang, UiKey> = { "zh-CN": "lang.zh-CN", "zh-TW": "lang.zh-TW", en: "lang.en" };

/** The field overrides of the settings JSON (only the well-formed ones: the check reports the rest). */
function fieldOverrides(json: SettingsJson): Partial<Record<FieldKey, string>> {
  const fields = getIn(json, ["fields"]);
  if (typeof fields !== "object" || fields === null) return {};
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === "string")) as Partial<
    Record<FieldKey, string>
  >;
}

export interface AppProps {
  actions: PaneActions;
  /** yyyy-mm-dd; the workbook's stored date wins, then this, then today. */
  initialAsOf?: string;
  /** The pane is the page's main landmark (the task pane), or sits inside the host page's own (the playground). */
  landmark?: "main" | "none";
}

export function App({ actions, initialAsOf, landmark = "main" }: AppProps) {
  const { t, i18n } = useTranslation();
  const lang = usePaneLang();
  const styles = useStyles();
  const [settingsLoaded, setSettingsLoaded] = React.useState(false);
  const [unreadable, setUnreadable] = React.useState(false);
  const [json, setJson] = React.useState<SettingsJson>({});
  const [asOf, setAsOf] = React.useState(() => initialAsOf ?? todayIso());
  const [inspecting, setInspecting] = React.useState<Inspecting>({ kind: "loading" });
  const [run, setRun] = React.useState<RunState>({ kind: "idle" });
  const [consent, setConsent] = React.useState(false);
  const [askConsent, setAskConsent] = React.useState(false);
  const [settingsOpen, setSettingsOpen] = React.useState(false);
  const [selectFailure, setSelectFailure] = React.useState<SegmentFailure | null>(null);
  const [finishedRuns, setFinishedRuns] = React.useState(0);
  const langRef = React.useRef(lang);
  langRef.current = lang;
  const inspectSeq = React.useRef(0);
  const running = run.kind === "running";

  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const refresh = React.useCallback(async () => {
    const seq = ++inspectSeq.current;
    setInspecting({ kind: "loading" });
    let outcome: InspectOutcome;
    try {
      outcome = await actions.inspect(langRef.current);
    } catch (e) {
      outcome = toFailure(e, langRef.current);
    }
    if (seq === inspectSeq.current) setInspecting({ kind: "done", outcome });
  }, [actions]);

  const finish = React.useCallback((outcome: SegmentOutcome) => {
    setFinishedRuns((n) => n + 1);
    if (outcome.ok) {
      setRun({ kind: "done", outcome });
      setConsent(false);
      setAskConsent(false);
    } else {
      setRun({ kind: "failed", failure: outcome });
      if (outcome.code === "USER_COLUMN_NOT_EMPTY") setAskConsent(true);
    }
  }, []);

  // The workbook's settings, then the table on the sheet.
  React.useEffect(() => {
    let live = true;
    actions.loadSettings().then(
      (stored) => {
        if (!live) return;
        const { asOf: storedAsOf, ...rest } = stored.json;
        setJson(rest);
        if (typeof storedAsOf === "string") setAsOf(storedAsOf);
        setUnreadable(stored.unreadable);
        setSettingsLoaded(true);
      },
      () => live && setSettingsLoaded(true)
    );
    void refresh();
    return () => {
      live = false;
    };
  }, [actions, refresh]);

  React.useEffect(() => actions.onSheetChange?.(() => void refresh()), [actions, refresh]);
  React.useEffect(
    () =>
      actions.onExternalRun?.({
        started: () => setRun({ kind: "running", external: true }),
        finished: finish,
      }),
    [actions, finish]
  );

  // The settings a run uses: the edited JSON, with the date when it is not today's.
  const runJson = React.useMemo(() => setIn(json, ["asOf"], asOf !== todayIso() ? asOf : undefined), [json, asOf]);
  const checked = React.useMemo(() => checkSettings(runJson), [runJson]);
  const problem: SettingsProblem | null = checked.ok
    ? null
    : { path: checked.path, message: errorText(checked.error, lang) };
  const asOfValid = isValidIsoDate(asOf);
  const settingsProblem = problem && problem.path !== "asOf" ? problem : null;

  const inspection = inspecting.kind === "done" && inspecting.outcome.ok ? inspecting.outcome.inspection : null;
  const mapping = React.useMemo(
    () => (inspection ? deriveMapping(inspection.scan.headers, fieldOverrides(json)) : null),
    [inspection, json]
  );
  const latest = mapping && inspection ? latestPurchase(mapping, inspection.scan.latestDates) : null;

  /** Runs the segmentation, with the fixes and the duplicate resolution chosen in the review. */
  const segment = async (choice?: ReviewChoice) => {
    if (!checked.ok) return;
    const fromButton = document.activeElement?.id === PANE_IDS.segment || choice !== undefined;
    setSelectFailure(null);
    setRun({ kind: "running", fraction: 0 });
    let settings = checked.settings;
    if (choice && choice.resolve !== settings.cleaning.duplicates.resolve) {
      // The choice is stored with the run's settings, so that the next run (and the CLI) resolve the same way.
      settings = {
        ...settings,
        cleaning: { ...settings.cleaning, duplicates: { ...settings.cleaning.duplicates, resolve: choice.resolve } },
      };
      setJson((j) => setIn(j, ["cleaning", "duplicates", "resolve"], choice.resolve));
    }
    let fraction = 0;
    let outcome: SegmentOutcome;
    try {
      outcome = await actions.segment({
        asOf,
        lang,
        settings,
        overwriteTemplateColumns: consent,
        acceptFixes: choice?.accept ?? [],
        onProgress: (stage, done, total) => {
          fraction = progressFraction({ stage, done, total }, fraction);
          setRun({ kind: "running", progress: { stage, done, total }, fraction });
        },
      });
    } catch (e) {
      outcome = toFailure(e, lang); // actions should not throw; never leave the bar running
    }
    finish(outcome);
    // Keyboard and screen-reader users land on what the run produced.
    if (outcome.ok && fromButton) requestAnimationFrame(() => focusPaneElement(PANE_IDS.result));
  };

  /**
   * "Segment this sheet": first the review step — the sheet is read and cleaned, nothing written — and when
   * cleaning has something to say, the user decides before the run; otherwise the run starts at once.
   */
  const start = async () => {
    if (!checked.ok || running) return;
    if (!actions.preview) return segment();
    setSelectFailure(null);
    // The review reads the sheet first: the bar says so ("step 2 of 4: reading the data").
    setRun({ kind: "running", progress: { stage: "read", done: 0, total: 1 }, fraction: 0, checking: true });
    let previewed;
    try {
      previewed = await actions.preview({ asOf, lang, settings: checked.settings });
    } catch (e) {
      previewed = toFailure(e, lang);
    }
    if (!previewed.ok) return finish(previewed);
    if (!needsReview(previewed.review)) return segment(noFixes(checked.settings.cleaning.duplicates.resolve));
    const resolve: DuplicateResolution = checked.settings.cleaning.duplicates.resolve;
    setRun({ kind: "reviewing", review: previewed.review, choice: noFixes(resolve) });
    requestAnimationFrame(() => focusPaneElement(REVIEW_TITLE_ID));
  };

  /** "Undo last run": the snapshot the last run left in the workbook is put back; then the table is read again. */
  const undo = async () => {
    if (!actions.undo || running) return;
    setSelectFailure(null);
    setRun({ kind: "running" });
    let result: UndoResult;
    try {
      result = await actions.undo(lang);
    } catch (e) {
      result = toFailure(e, lang);
    }
    setFinishedRuns((n) => n + 1);
    if (!result.ok) return setRun({ kind: "failed", failure: result });
    setRun({ kind: "undone", restoredRanges: result.restoredRanges, deletedSheets: result.deletedSheets });
    void refresh();
  };

  const select = async (target: SelectTarget) => {
    setSelectFailure(await actions.select(target, lang));
  };

  const next = (step: NextStep) => {
    if (step === "mapping") focusPaneElement(PANE_IDS.mapping);
    else if (step === "refresh") void refresh();
    else if (step === "asOf") focusPaneElement(PANE_IDS.asOf);
    else if (step === "settings") {
      setSettingsOpen(true);
      requestAnimationFrame(() => focusPaneElement(PANE_IDS.settings));
    } else void start();
  };

  const status =
    run.kind === "done"
      ? `${t("result.title")}: ${t("result.summary", {
          sheet: run.outcome.summary.sheet,
          customers: run.outcome.summary.customers,
          asOf: run.outcome.summary.rfm.asOf,
        })}`
      : run.kind === "failed"
        ? localizeFailure(run.failure, lang)
        : run.kind === "running"
          ? t(run.external ? "run.fromRibbon" : run.checking ? "review.checking" : "run.running")
          : run.kind === "reviewing"
            ? t("review.title")
            : run.kind === "undone"
              ? t("undo.done", { ranges: run.restoredRanges })
              : "";

  const Root = landmark === "main" ? "main" : "div";
  return (
    <Root
      className={styles.root}
      data-testid="pane"
      data-settings-loaded={settingsLoaded}
      data-runs={finishedRuns}
      data-engine={run.kind === "done" ? (run.outcome.engine ?? "") : undefined}
    >
      <header className={styles.header}>
        <Title3 as="h1">{t("app.title")}</Title3>
        <Caption1>{t("app.subtitle")}</Caption1>
      </header>

      <Field label={t("form.language")}>
        <Select value={lang} disabled={running} onChange={(_, data) => void i18n.changeLanguage(data.value)}>
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(LANG_KEYS[l])}
            </option>
          ))}
        </Select>
      </Field>

      <TableSection
        state={inspecting}
        mapping={mapping}
        json={json}
        onChange={setJson}
        onRefresh={() => void refresh()}
        disabled={running}
      />

      <div className={styles.form}>
        <AsOfField asOf={asOf} onChange={setAsOf} latest={latest} disabled={running} />
      </div>

      <SettingsPanel
        json={json}
        onChange={setJson}
        disabled={running}
        problem={settingsProblem}
        open={settingsOpen}
        onOpenChange={setSettingsOpen}
        unreadable={unreadable}
        onReset={() => setJson(setIn({}, ["fields"], getIn(json, ["fields"])))}
      />

      <div className={styles.actions}>
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
        <Button
          id={PANE_IDS.segment}
          appearance="primary"
          size="large"
          data-testid="segment-button"
          disabledFocusable={running}
          disabled={!running && (!settingsLoaded || !asOfValid || !checked.ok)}
          onClick={() => void start()}
        >
          {t("form.segment")}
        </Button>
        {actions.undo && (
          <Button
            appearance="secondary"
            data-testid="undo-button"
            disabledFocusable={running}
            onClick={() => void undo()}
          >
            {t("form.undo")}
          </Button>
        )}
        {settingsProblem && (
          <MessageBar intent="warning" layout="multiline" data-testid="settings-problem">
            <MessageBarBody>{t("form.settingsInvalid")}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => next("settings")}>
                {t("error.next.settings")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>

      <div className={styles.srOnly} role="status" aria-live="polite">
        {status}
      </div>

      <div className={styles.status}>
        {run.kind === "running" && (
          <RunProgress
            stage={run.progress?.stage}
            value={run.external ? undefined : run.fraction}
            idleText={run.external ? t("run.fromRibbon") : undefined}
          />
        )}
        {run.kind === "reviewing" && (
          <CleaningReview
            review={run.review}
            choice={run.choice}
            onChange={(choice) => setRun({ ...run, choice })}
            onApply={() => void segment(run.choice)}
            onCancel={() => setRun({ kind: "idle" })}
            onSelect={(target) => void select(target)}
          />
        )}
        {run.kind === "done" && (
          <ResultView
            summary={run.outcome.summary}
            heatmap={run.outcome.heatmap}
            onSelect={(target) => void select(target)}
            busy={running}
          />
        )}
        {run.kind === "undone" && (
          <MessageBar intent="success" layout="multiline" data-testid="undo-done">
            <MessageBarBody>
              {t("undo.done", { ranges: run.restoredRanges })}
              {run.deletedSheets.length > 0 && " " + t("undo.deleted", { sheets: run.deletedSheets.join("、") })}
            </MessageBarBody>
          </MessageBar>
        )}
        {run.kind === "failed" && <FailureView failure={run.failure} onNext={next} busy={running} />}
        {selectFailure && <FailureView failure={selectFailure} />}
      </div>
    </Root>
  );
}
