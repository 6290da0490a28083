/**
 * segment-sheet: the add-in's own src/excel code, run over an .xlsx or .csv file through the xlsx-host.
 * Exit 0 on success, 2 for input it cannot segment (one sentence on stderr, no output file), 1 otherwise.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { defaultSettings, parseSettings, Settings, isValidIsoDate } from "../engine/config";
import { SegmentError, SegmentSheetError } from "../engine/errors";
import type { Lang } from "../engine/types";
import { segmentSheet } from "../excel/segment-sheet";
import { loadWorkbookSettings } from "../excel/settings-store";
import { undoLastRun } from "../excel/undo";
import type { RunSummary } from "../excel/types";
import { cliStrings } from "../i18n/cli";
import { errorMessage, fill } from "../i18n/messages";
import type { CsvTailReader } from "../xlsx-host/node";
import { CliArgs, USAGE, parseCliArgs } from "./args";
import { csvTailReader } from "./csv-worker";
import { defaultOutput, isCsvPath, loadWorkbook, saveOutput, writeAtomically } from "./files";

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  /** Today as yyyy-mm-dd (injected so tests are repeatable). */
  today: () => string;
  /** Reads the rest of a large CSV input in another thread while the beginning is read (the installed command). */
  readCsvTail?: CsvTailReader;
}

class InputError extends Error {
  constructor(public readonly error: SegmentError) {
    super(error.code);
  }
}

function localToday(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Settings from --config, or null to use the workbook's own (or the defaults). */
async function readSettingsFile(file: string | undefined): Promise<Settings | null> {
  if (file === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, "utf8"));
  } catch (e) {
    throw new InputError({ code: "BAD_SETTINGS", params: { path: file, reason: (e as Error).message } });
  }
  const s = parseSettings(json);
  if (!s.ok) throw new InputError(s.error);
  return s.value;
}

export interface CliSummary extends RunSummary {
  /** Round trips; with `--web-limits` also the largest request and response (JSON bytes, limit 5 MB). */
  io: { syncs: number; maxRequestBytes?: number; maxResponseBytes?: number };
  output: string;
}

async function run(args: CliArgs, io: CliIo): Promise<CliSummary> {
  const fileSettings = await readSettingsFile(args.config);
  if (args.asOf !== undefined && !isValidIsoDate(args.asOf))
    throw new InputError({ code: "BAD_AS_OF", params: { value: args.asOf } });
  const output = args.output ?? defaultOutput(args.input);
  if (path.resolve(output) === path.resolve(args.input)) {
    throw new InputError({
      code: "BAD_SETTINGS",
      params: { path: "-o", reason: "the output must not be the input file" },
    });
  }
  // Payload sizes matter only where Excel limits them (the web); measuring them costs ~5 % of a large run.
  const workbook = await loadWorkbook(
    args.input,
    { webLimits: args.webLimits, measurePayloads: args.webLimits },
    io.readCsvTail
  );
  workbook.resetStats();
  const s = cliStrings[args.lang].stage;
  let lastStage = "";
  const summary = await workbook.run(async (context) => {
    // --config wins; else the settings stored in the workbook (the pane's), else the defaults.
    const settings = fileSettings ?? (await loadWorkbookSettings(context)) ?? defaultSettings();
    const asOf = args.asOf ?? settings.asOf ?? io.today();
    if (!isValidIsoDate(asOf)) throw new InputError({ code: "BAD_AS_OF", params: { value: asOf } });
    return segmentSheet(context, {
      settings,
      asOf,
      lang: args.lang,
      sheetName: args.sheet,
      overwriteTemplateColumns: args.overwriteTemplateColumns,
      // A CSV output holds only the segmented sheet: no undo snapshot to keep, and on failure nothing is
      // written at all, so the journal's reads would be wasted.
      undo: !isCsvPath(output),
      // A local file has no co-authors: nothing can change it between the read and the write.
      recheck: false,
      onProgress: (stage, done, total) => {
        // One line when a stage starts; the row count once a large read is done.
        const report = stage === "read" ? total >= 50_000 : stage !== lastStage;
        lastStage = stage;
        if (report) io.stderr(fill(s[stage], { done, total }) + "\n");
      },
    });
  });
  const stats = workbook.stats;
  await saveOutput(workbook, output, summary.sheet);
  return {
    ...summary,
    io: args.webLimits
      ? { syncs: stats.syncs, maxRequestBytes: stats.maxRequestBytes, maxResponseBytes: stats.maxResponseBytes }
      : { syncs: stats.syncs },
    output,
  };
}

/** `--undo`: the last run recorded in the workbook, undone, into a new file (the input is never modified). */
async function undo(args: CliArgs): Promise<string> {
  const output = args.output ?? defaultOutput(args.input, "undone");
  if (isCsvPath(args.input) || isCsvPath(output)) {
    throw new InputError({
      code: "BAD_SETTINGS",
      params: { path: "--undo", reason: "needs an .xlsx input and output" },
    });
  }
  if (path.resolve(output) === path.resolve(args.input)) {
    throw new InputError({
      code: "BAD_SETTINGS",
      params: { path: "-o", reason: "the output must not be the input file" },
    });
  }
  const workbook = await loadWorkbook(args.input, { webLimits: args.webLimits });
  await workbook.run((context) => undoLastRun(context));
  await saveOutput(workbook, output, "");
  return output;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv, io.env);
  if (!parsed.ok) {
    io.stderr(`${parsed.message}\n${USAGE}\n`);
    return 2;
  }
  const args = parsed.args;
  if (args.help) {
    io.stdout(USAGE + "\n");
    return 0;
  }
  const lang: Lang = args.lang;
  try {
    if (args.undo) {
      const output = await undo(args);
      io.stderr(fill(cliStrings[lang].undone, { output }) + "\n");
      return 0;
    }
    const summary = await run(args, io);
    const json = JSON.stringify(summary, null, 2) + "\n";
    if (args.summary === "-") io.stdout(json);
    else if (args.summary !== undefined) await writeAtomically(args.summary, json);
    io.stderr(
      fill(cliStrings[lang].done, { sheet: summary.sheet, customers: summary.customers, output: summary.output }) + "\n"
    );
    return 0;
  } catch (e) {
    if (e instanceof SegmentSheetError || e instanceof InputError) {
      io.stderr(errorMessage(e.error, lang) + "\n");
      // Excel's own failure is not a fault of the input.
      return e.error.code === "EXCEL_ERROR" ? 1 : 2;
    }
    io.stderr(fill(cliStrings[lang].unexpected, { detail: e instanceof Error ? e.message : String(e) }) + "\n");
    if (io.env.SEGMENT_SHEET_DEBUG) io.stderr(String((e as Error)?.stack) + "\n");
    return 1;
  }
}

/**
 * Entry point for bin/segment-sheet.js and `npm run cli`. `workerScript`: what a worker thread runs to read the
 * rest of a large CSV input (the bundle of csv-worker-main.ts); without it, files are read in one thread.
 */
export function runFromProcess(workerScript?: string): void {
  main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
    today: localToday,
    readCsvTail: workerScript === undefined ? undefined : csvTailReader(workerScript),
  }).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runFromProcess();
