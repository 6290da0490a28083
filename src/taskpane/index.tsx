/** Task pane entry: waits for Office, then renders the pane with the Excel-backed actions. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createI18n } from "../i18n/i18next";
import { App } from "./components/App";
import { Providers } from "./components/Providers";
import { officeActions, officeLang, officeThemeKind } from "./office-actions";

function render() {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  const i18n = createI18n(officeLang());
  createRoot(container).render(
    <React.StrictMode>
      <Providers i18n={i18n} theme={officeThemeKind()} style={{ minHeight: "100vh" }}>
        <App actions={officeActions} />
      </Providers>
    </React.StrictMode>
  );
}

// office.js comes from Microsoft's CDN; if it could not load, show the pane anyway: its button then
// explains that Excel is needed instead of leaving a blank pane.
if (typeof Office === "undefined") render();
else void Office.onReady(() => render());
