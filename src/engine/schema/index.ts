export { normalizeHeader, headerKeys, stripBracketSuffix, stripTimeWindow } from "./normalize";
export { SYNONYMS, ORDER_FIELDS } from "./synonyms";
export { detectFields, headerCandidates, contextualHeaderKeys } from "./detect-fields";
export { headerRowScore } from "./header-row";
export { detectKind, missingFields, REQUIRED } from "./detect-kind";
