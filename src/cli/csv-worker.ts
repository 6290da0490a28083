/**
 * The worker thread that reads the rest of a large CSV file while the main thread reads its beginning
 * (src/xlsx-host/csv-part.ts). The worker runs a small bundle of its own (csv-worker-main.ts, built by
 * bin/segment-sheet.js beside the command's): it starts in a fraction of the command's start-up.
 */
import { Worker, parentPort, workerData } from "node:worker_threads";
import type { CsvPart } from "../xlsx-host/csv-fill";
import { readCsvTail, type CsvTailJob } from "../xlsx-host/csv-part";
import type { CsvTailReader } from "../xlsx-host/node";

/** The key of the job in workerData. */
const JOB = "segmentSheetCsvTail";

/** Reads the rest of a CSV file in a worker thread running `script` (the worker's bundle); null when it fails in any way. */
export function csvTailReader(script: string): CsvTailReader {
  return (job) =>
    new Promise<CsvPart | null>((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(script, { workerData: { [JOB]: job }, transferList: [job.bytes.buffer] });
      } catch {
        resolve(null);
        return;
      }
      worker.once("message", (part: CsvPart | null) => resolve(part));
      worker.once("error", () => resolve(null));
      worker.once("exit", () => resolve(null));
    });
}

/** In the worker: reads its part and posts the reading back (its typed arrays moved, not copied). */
export function runCsvTailWorker(): void {
  const part = readCsvTail((workerData as Record<typeof JOB, CsvTailJob>)[JOB]);
  parentPort?.postMessage(part, part ? [part.fields.buffer, part.numbers.buffer] : []);
}
