/** Fluent UI theme and i18next for a page: the task pane, or the whole playground. */
import * as React from "react";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { i18n } from "i18next";
import { I18nextProvider } from "react-i18next";

export type ThemeKind = "light" | "dark";

export interface ProvidersProps {
  i18n: i18n;
  theme: ThemeKind;
  className?: string;
  style?: React.CSSProperties;
  children: React.ReactNode;
}

export function Providers({ i18n, theme, className, style, children }: ProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} className={className} style={style}>
        {children}
      </FluentProvider>
    </I18nextProvider>
  );
}
