/** The pane's language as a Lang (i18next may hold any string). */
import { useTranslation } from "react-i18next";
import type { Lang } from "../../engine/types";
import { LANGS } from "../../i18n/headers";

export function usePaneLang(): Lang {
  const { i18n } = useTranslation();
  return (LANGS as readonly string[]).includes(i18n.language) ? (i18n.language as Lang) : "en";
}
