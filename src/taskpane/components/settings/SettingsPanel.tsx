/**
 * The settings, folded away by default: a list of small sections, each editing its own part of the
 * settings JSON. A new group of settings (tags, dimensions, clusters …) is one more entry in SECTIONS.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Divider,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { PANE_IDS } from "../ids";
import { LabelsSetting } from "./LabelsSetting";
import { RfmSettings } from "./RfmSettings";
import type { SettingProps, SettingsProblem } from "./types";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalM,
  },
});

/** The sections, in order, with the settings paths each one shows problems for. */
const SECTIONS: ReadonlyArray<{ id: string; claims: readonly string[]; Component: React.ComponentType<SettingProps> }> =
  [
    { id: "rfm", claims: ["rfm.scoring", "rfm.split", "rfm.thresholds", "rfm.windowMonths"], Component: RfmSettings },
    { id: "labels", claims: ["rfm.labels"], Component: LabelsSetting },
  ];

/** Paths shown by other parts of the pane (the date field, the field mapping). */
const CLAIMED_ELSEWHERE = ["asOf", "fields"];

const claimed = (path: string, prefixes: readonly string[]) =>
  prefixes.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));

export interface SettingsPanelProps extends SettingProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The stored settings could not be read. */
  unreadable: boolean;
  onReset: () => void;
}

export function SettingsPanel({ open, onOpenChange, unreadable, onReset, ...props }: SettingsPanelProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { problem } = props;
  const orphan: SettingsProblem | null =
    problem && !SECTIONS.some((s) => claimed(problem.path, s.claims)) && !claimed(problem.path, CLAIMED_ELSEWHERE)
      ? problem
      : null;
  return (
    <Accordion
      collapsible
      openItems={open ? ["settings"] : []}
      onToggle={(_, data) => onOpenChange(data.openItems.includes("settings"))}
    >
      <AccordionItem value="settings">
        <AccordionHeader as="h2" button={{ id: PANE_IDS.settings }}>
          {t("settings.title")}
        </AccordionHeader>
        <AccordionPanel>
          <div className={styles.panel}>
            {unreadable && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{t("settings.unreadable")}</MessageBarBody>
              </MessageBar>
            )}
            {orphan && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{orphan.message}</MessageBarBody>
              </MessageBar>
            )}
            {SECTIONS.map(({ id, Component }, i) => (
              <React.Fragment key={id}>
                {i > 0 && <Divider />}
                <Component {...props} />
              </React.Fragment>
            ))}
            <Caption1>{t("settings.note")}</Caption1>
            <div>
              <Button size="small" disabled={props.disabled} onClick={onReset}>
                {t("settings.reset")}
              </Button>
            </div>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
