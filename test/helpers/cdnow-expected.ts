/**
 * The independent answer for CDNOW: scripts/engine-cdnow-expected.py, a pandas calculation that shares
 * no code with the engine. Needs python3 with pandas (CI installs Debian's python3-pandas); without it
 * the tests that use it fail with an install hint rather than skip.
 */
import { spawnSync } from "child_process";
import * as path from "path";

export const SHARED = path.resolve(process.env.SEGMENT_SHEET_SHARED ?? path.resolve(__dirname, "../../../shared"));
export const CDNOW_DATA = path.resolve(SHARED, "data/CDNOW_master.txt");
const SCRIPT = path.resolve(__dirname, "../../scripts/engine-cdnow-expected.py");

export interface Thresholds {
  recencyDays: number;
  frequency: number;
  monetary: number;
}


export interface Expected {
  id: string;
  recency: number | null;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  codeMean: string;
  codeThresholds: string;
}

function findPython(): string {
  const candidates = [process.env.PYTHON, "/usr/bin/python3", "python3"].filter((c): c is string => Boolean(c));
  for (const c of candidates) {
    const probe = spawnSync(c, ["-c", "import pandas"], { encoding: "utf8" });
    if (probe.status === 0) return c;
  }
  throw new Error(
    `The CDNOW check needs python3 with pandas (apt-get install -y python3-pandas). Tried: ${candidates.join(", ")}.`
  );
}

export function expectedCdnow(asOf: string, t: Thresholds): Expected[] {
  const py = spawnSync(
    findPython(),
    [SCRIPT, CDNOW_DATA, asOf, String(t.recencyDays), String(t.frequency), String(t.monetary)],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }
  );
  if (py.status !== 0) throw new Error(`${SCRIPT} failed (${py.status}): ${py.stderr}`);
  const [header, ...lines] = py.stdout.trim().split("\n");
  if (header !== "id,recency,frequency,monetary,r,f,m,code_mean,code_thresholds") throw new Error(`unexpected header ${header}`);
  return lines.map((line) => {
    const [id, recency, frequency, monetary, r, f, m, codeMean, codeThresholds] = line.split(",");
    return {
      id,
      recency: recency === "" ? null : Number(recency),
      frequency: Number(frequency),
      monetary: Number(monetary),
      r: Number(r),
      f: Number(f),
      m: Number(m),
      codeMean,
      codeThresholds,
    };
  });
}

