/**
 * One production build for all of test/e2e: `webpack --mode production --env e2e` into
 * test-results/e2e-build (gitignored). The build is reused while its inputs are unchanged (a key
 * made of the paths, sizes and modification times of src/, test/e2e/stub/, assets/ and the build
 * configuration); jest's workers share it through a lock directory, so only one of them builds.
 */
import { spawn } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..", "..");
export const RESULTS = path.join(ROOT, "test-results");
export const BUILD_DIR = path.join(RESULTS, "e2e-build");
const KEY_FILE = path.join(BUILD_DIR, ".build-key");
const LOCK_DIR = path.join(RESULTS, "e2e-build.lock");
const LOG_FILE = path.join(RESULTS, "e2e-build.log");
const STALE_LOCK_MS = 10 * 60 * 1000;

const INPUTS = ["src", "test/e2e/stub", "assets", "webpack.config.js", "tsconfig.json", "package-lock.json"];

function walk(p: string, out: string[]): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return;
  }
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name), out);
  } else {
    out.push(`${path.relative(ROOT, p)}:${st.size}:${Math.round(st.mtimeMs)}`);
  }
}

export function buildKey(): string {
  const lines: string[] = [];
  for (const input of INPUTS) walk(path.join(ROOT, input), lines);
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function upToDate(key: string): boolean {
  try {
    return fs.readFileSync(KEY_FILE, "utf8") === key && fs.existsSync(path.join(BUILD_DIR, "taskpane.html"));
  } catch {
    return false;
  }
}

async function lock(): Promise<void> {
  fs.mkdirSync(RESULTS, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      return;
    } catch {
      try {
        if (Date.now() - fs.statSync(LOCK_DIR).mtimeMs > STALE_LOCK_MS)
          fs.rmSync(LOCK_DIR, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      await sleep(500);
    }
  }
}

function runWebpack(): Promise<string> {
  return new Promise((resolve, reject) => {
    const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    const child = spawn(
      process.execPath,
      [cli, "--mode", "production", "--env", "e2e", "--output-path", BUILD_DIR, "--no-stats"],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] }
    );
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      fs.writeFileSync(LOG_FILE, output);
      if (code === 0) resolve(output);
      else reject(new Error(`webpack failed (exit ${code}); see ${LOG_FILE}\n${output.slice(-4000)}`));
    });
  });
}

/** The build directory, built now if its inputs changed since the last build. */
export async function ensureBuild(): Promise<string> {
  const key = buildKey();
  if (upToDate(key)) return BUILD_DIR;
  await lock();
  try {
    if (upToDate(key)) return BUILD_DIR; // another worker built it while we waited
    await runWebpack();
    fs.writeFileSync(KEY_FILE, key);
    return BUILD_DIR;
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

export interface BundleSizes {
  [entry: string]: {
    raw: number;
    gzip: number;
    /** Scripts of the Web Workers the page starts (engine-worker.js). */
    workers: string[];
    workerRaw: number;
    workerGzip: number;
    /** Chunks loaded on demand only (the engine on the page's thread when no worker can start). */
    lazy: string[];
    lazyGzip: number;
  };
}

export function bundleSizes(dir = BUILD_DIR): BundleSizes {
  return JSON.parse(fs.readFileSync(path.join(dir, "bundle-sizes.json"), "utf8")) as BundleSizes;
}
