/** Command-line arguments of segment-sheet. */
import { parseArgs } from "node:util";
import type { Lang } from "../engine/types";
import { LANGS, langFromLocale } from "../i18n/headers";

export interface CliArgs {
  input: string;
  output?: string;
  sheet?: string;
  asOf?: string;
  config?: string;
  summary?: string;
  lang: Lang;
  overwriteTemplateColumns: boolean;
  webLimits: boolean;
  /** Undo the last run recorded in the input workbook instead of segmenting it. */
  undo: boolean;
  help: boolean;
}

export const USAGE = `Usage: segment-sheet <input.xlsx|input.csv> [-o out.xlsx|out.csv] [--sheet NAME]
       [--as-of YYYY-MM-DD] [--config settings.json] [--summary summary.json|-]
       [--lang zh-CN|zh-TW|en] [--overwrite-template-columns] [--web-limits]
       segment-sheet <segmented.xlsx> --undo [-o out.xlsx]`;

export type ArgsResult = { ok: true; args: CliArgs } | { ok: false; message: string };

export function parseCliArgs(argv: string[], env: Record<string, string | undefined>): ArgsResult {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: "string", short: "o" },
        sheet: { type: "string" },
        "as-of": { type: "string" },
        config: { type: "string" },
        summary: { type: "string" },
        lang: { type: "string" },
        "overwrite-template-columns": { type: "boolean" },
        "web-limits": { type: "boolean" },
        undo: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  const v = parsed.values;
  const langArg = v.lang;
  if (langArg !== undefined && !(LANGS as readonly string[]).includes(langArg)) {
    return { ok: false, message: `--lang must be one of ${LANGS.join(", ")}` };
  }
  const lang: Lang = (langArg as Lang | undefined) ?? langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  if (!v.help && parsed.positionals.length !== 1) return { ok: false, message: "expected exactly one input file" };
  return {
    ok: true,
    args: {
      input: parsed.positionals[0] ?? "",
      output: v.output,
      sheet: v.sheet,
      asOf: v["as-of"],
      config: v.config,
      summary: v.summary,
      lang,
      overwriteTemplateColumns: v["overwrite-template-columns"] === true,
      webLimits: v["web-limits"] === true,
      undo: v.undo === true,
      help: v.help === true,
    },
  };
}
