/**
 * i18next for the React pages (task pane, playground). Each page makes its own instance, so two
 * panes on one page, and tests, never share a language. Resources are bundled: no network, and the
 * instance is ready when createI18n returns.
 */
import i18next, { type i18n, type Resource } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Lang } from "../engine/types";
import { LANGS } from "./headers";
import { uiStrings } from "./ui";

const NAMESPACE = "ui";

function resources(): Resource {
  const out: Resource = {};
  for (const lang of LANGS) out[lang] = { [NAMESPACE]: { ...uiStrings[lang] } };
  return out;
}

export function createI18n(lang: Lang): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: resources(),
    lng: lang,
    fallbackLng: "en",
    supportedLngs: [...LANGS],
    load: "currentOnly",
    ns: [NAMESPACE],
    defaultNS: NAMESPACE,
    initAsync: false,
    // React escapes what it renders; escaping here too would show &quot; in the pane.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
