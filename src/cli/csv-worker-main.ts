/** The CSV worker thread's entry (bundled on its own by bin/segment-sheet.js): see csv-worker.ts. */
import { runCsvTailWorker } from "./csv-worker";

runCsvTailWorker();
