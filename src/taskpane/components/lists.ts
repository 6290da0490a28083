/** Joining words into a list the way each language writes it. */
import type { Lang } from "../../engine/types";

export const listSeparator = (lang: Lang) => (lang === "en" ? ", " : "、");
export const clauseSeparator = (lang: Lang) => (lang === "en" ? "; " : "；");
