/** Playground entry: the pane and a workbook grid in a plain browser page, no Office needed. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { langFromLocale } from "../i18n/headers";
import { createI18n } from "../i18n/i18next";
import { Providers } from "../taskpane/components/Providers";
import { Playground } from "./components/Playground";

const container = document.getElementById("container");
if (!container) throw new Error("playground.html has no #container");
const i18n = createI18n(langFromLocale(navigator.language));
createRoot(container).render(
  <React.StrictMode>
    <Providers i18n={i18n} theme="light">
      <Playground />
    </Providers>
  </React.StrictMode>
);
