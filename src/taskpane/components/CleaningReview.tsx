/**
 * The review step (issue 3), after "Segment this sheet" and before anything is written: what cleaning
 * found (counts per kind, a few cells with their addresses), the fixes it proposes with a checkbox per
 * kind, the privacy warning with the option to mask phone numbers, and for duplicate customers the choice
 * between keeping the latest record and merging. "Apply and segment" runs with what was ticked.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { DuplicateResolution } from "../../engine/clean/types";
import type { SheetReview } from "../../excel/types";
import type { UiKey } from "../../i18n/ui";
import type { SelectTarget } from "../pane-actions";
import { findingRows, fixRows, groupRows, privacyOf, toggleFix, type ReviewChoice } from "../review";
import { listSeparator } from "./lists";
import { usePaneLang } from "./usePaneLang";

export const REVIEW_TITLE_ID = "ss-review";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  title: { outlineStyle: "none" },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", width: "4.5em" },
  samples: { display: "flex", flexDirection: "column", rowGap: "2px", paddingTop: "2px" },
  sample: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  fix: { display: "flex", flexDirection: "column" },
  example: { paddingLeft: "32px", color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  groups: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface CleaningReviewProps {
  review: SheetReview;
  choice: ReviewChoice;
  onChange: (choice: ReviewChoice) => void;
  onApply: () => void;
  onCancel: () => void;
  /** Selects a sampled cell in the workbook. */
  onSelect?: (target: SelectTarget) => void;
  busy?: boolean;
}

/** A value as the review quotes it: short, on one line. */
const shown = (v: string) => {
  const one = v.replace(/\s+/g, " ");
  return one.length > 40 ? `${one.slice(0, 39)}…` : one === "" ? "∅" : one;
};

export function CleaningReview({ review, choice, onChange, onApply, onCancel, onSelect, busy }: CleaningReviewProps) {
  const { t } = useTranslation();
  const lang = usePaneLang();
  const styles = useStyles();
  const count = new Intl.NumberFormat(lang);
  const findings = React.useMemo(() => findingRows(review), [review]);
  const fixes = React.useMemo(() => fixRows(review), [review]);
  const privacy = privacyOf(review);
  const duplicates = groupRows(review);
  const accepted = new Set(choice.accept);

  const address = (a: string) =>
    onSelect ? (
      <Link
        as="button"
        inline
        disabled={busy}
        data-address={a}
        aria-label={t("review.select", { address: a })}
        onClick={() => onSelect({ kind: "range", address: a })}
      >
        {a}
      </Link>
    ) : (
      a
    );

  return (
    <section className={styles.root} aria-labelledby={REVIEW_TITLE_ID} data-testid="cleaning-review">
      <Subtitle2 as="h2" id={REVIEW_TITLE_ID} tabIndex={-1} className={styles.title}>
        {t("review.title")}
      </Subtitle2>
      <Body1>{t("review.intro", { sheet: review.sheet })}</Body1>

      {privacy && (
        <MessageBar intent="warning" layout="multiline" data-testid="privacy-warning">
          <MessageBarBody>
            <MessageBarTitle>{t("review.privacy.title")}</MessageBarTitle>
            {t("review.privacy.warning", { phones: count.format(privacy.phones), ids: count.format(privacy.ids) })}
            {privacy.canMask > 0 && (
              <Checkbox
                data-fix="maskPhone"
                disabled={busy}
                checked={accepted.has("maskPhone")}
                label={t("review.privacy.mask", { count: count.format(privacy.canMask) })}
                onChange={(_, data) => onChange(toggleFix(choice, "maskPhone", data.checked === true))}
              />
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      <Table size="extra-small" data-testid="review-findings">
        <caption className={styles.section}>
          <Subtitle2 as="h3">{t("review.findings")}</Subtitle2>
        </caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("review.column.finding")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("review.column.count")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {findings.map((f) => (
            <TableRow key={f.kind} data-finding={f.kind}>
              <TableCell>
                <span className={styles.fix}>
                  <span>{t(`review.finding.${f.kind}` as UiKey)}</span>
                  {f.samples.length > 0 && (
                    <span className={styles.samples} aria-label={t("review.samples")}>
                      {f.samples.map((s, i) => (
                        <Caption1 key={i} className={styles.sample}>
                          {address(s.address)}
                          {lang === "en" ? ": " : "："}
                          {shown(s.value)}
                        </Caption1>
                      ))}
                    </span>
                  )}
                </span>
              </TableCell>
              <TableCell className={styles.number} data-count={f.count}>
                {count.format(f.count)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      {fixes.length > 0 && (
        <div className={styles.section} role="group" aria-labelledby="ss-review-fixes" data-testid="review-fixes">
          <Subtitle2 as="h3" id="ss-review-fixes">
            {t("review.fixes")}
          </Subtitle2>
          <Caption1>{t("review.fixes.hint")}</Caption1>
          {fixes.map((f) => (
            <div key={f.kind} className={styles.fix}>
              <Checkbox
                data-fix={f.kind}
                disabled={busy}
                checked={accepted.has(f.kind)}
                label={t("review.fix.label", {
                  fix: t(`review.fix.${f.kind}` as UiKey),
                  count: count.format(f.count),
                })}
                onChange={(_, data) => onChange(toggleFix(choice, f.kind, data.checked === true))}
              />
              {f.example && (
                <Caption1 className={styles.example}>
                  {t("review.fix.example", {
                    address: f.example.address,
                    before: shown(f.example.before),
                    after: shown(f.example.after),
                  })}
                </Caption1>
              )}
            </div>
          ))}
        </div>
      )}

      {duplicates.total > 0 && (
        <div className={styles.section} data-testid="review-duplicates">
          <Subtitle2 as="h3">{t("review.duplicates.title")}</Subtitle2>
          <Caption1>{t("review.duplicates.count", { groups: count.format(duplicates.total) })}</Caption1>
          <ul className={styles.groups}>
            {duplicates.groups.map((g, i) => (
              <li key={i}>
                <Caption1>
                  {t(`review.finding.${g.kind}` as UiKey)} ·{" "}
                  {t("review.duplicates.group", { rows: g.rows.join(listSeparator(lang)) })}
                  {g.values.length > 0 ? ` (${g.values.join(listSeparator(lang))})` : ""}
                </Caption1>
              </li>
            ))}
          </ul>
          {duplicates.sameCustomer && (
            <Field label={t("review.duplicates.resolve")}>
              <RadioGroup
                value={choice.resolve}
                disabled={busy}
                data-testid="review-resolve"
                onChange={(_, data) => onChange({ ...choice, resolve: data.value as DuplicateResolution })}
              >
                <Radio value="keepLatest" label={t("review.duplicates.keepLatest")} />
                <Radio value="merge" label={t("review.duplicates.merge")} />
              </RadioGroup>
            </Field>
          )}
          <Caption1>{t("review.duplicates.note")}</Caption1>
        </div>
      )}

      <div className={styles.actions}>
        <Button appearance="primary" data-testid="review-apply" disabledFocusable={busy} onClick={onApply}>
          {t("review.apply")}
        </Button>
        <Button data-testid="review-cancel" disabled={busy} onClick={onCancel}>
          {t("review.cancel")}
        </Button>
      </div>
    </section>
  );
}
