/** Task pane entry: waits for Office, then renders the pane with the Excel-backed actions. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createI18n } from "../i18n/i18next";
import { App } from "./components/App";
import { Providers, type ThemeKind } from "./components/Providers";
import { officeActions, officeLang, officeThemeKind } from "./office-actions";

/**
 * Follows Office's theme (Office.context.officeTheme), read when the pane opens: Excel offers task
 * panes no theme-change event (OfficeThemeChanged is Outlook's). Outside Office, the system's
 * light/dark preference, followed live.
 */
function useOfficeTheme(): ThemeKind {
  const [theme, setTheme] = React.useState<ThemeKind>(officeThemeKind);
  React.useEffect(() => {
    const update = () => setTheme(officeThemeKind());
    const media = window.matchMedia?.("(prefers-color-scheme: dark)");
    media?.addEventListener?.("change", update);
    return () => media?.removeEventListener?.("change", update);
  }, []);
  return theme;
}

function Root({ i18n }: { i18n: ReturnType<typeof createI18n> }) {
  const theme = useOfficeTheme();
  return (
    <Providers i18n={i18n} theme={theme} style={{ minHeight: "100vh" }}>
      <App actions={officeActions} />
    </Providers>
  );
}

function render() {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  const i18n = createI18n(officeLang());
  createRoot(container).render(
    <React.StrictMode>
      <Root i18n={i18n} />
    </React.StrictMode>
  );
}

// office.js comes from Microsoft's CDN; if it could not load, show the pane anyway: its button then
// explains that Excel is needed instead of leaving a blank pane.
if (typeof Office === "undefined") render();
else void Office.onReady(() => render());
