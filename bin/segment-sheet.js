#!/usr/bin/env node
// Runs the TypeScript CLI without a build step. The sources are bundled with esbuild (a dependency) so that
// the modules run as one scope: a cell loop then reads its helpers directly instead of through the getters a
// per-file transpiler puts on every import (a million-row run spends seconds there). exceljs and the packages
// it pulls in are bundled too: required file by file they cost ~0.2 s of module resolution at every start,
// even for a CSV run. The bundle is cached in node_modules/.cache, keyed by every source file's path, size and
// modification time, by this file and by the esbuild and exceljs versions, so a start costs the bundling
// (~0.5 s) only after a change; beside it V8's code cache for the bundle (vm.Script cachedData, made at the end
// of the first run after a change, remade when V8 rejects it), so later starts skip parsing and compiling what
// that run used. A second, small bundle is what a worker thread runs to read the rest of a large CSV input.
// tsx, which transpiles file by file, is the fallback.
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const Module = require("module");

const root = path.join(__dirname, "..");
const src = path.join(root, "src");
const entry = path.join(src, "cli", "main.ts");
/** What a worker thread runs to read the rest of a large CSV input (src/cli/csv-worker.ts): a bundle of its own. */
const workerEntry = path.join(src, "cli", "csv-worker-main.ts");
const cacheDir = path.join(root, "node_modules", ".cache", "segment-sheet");
/** Bundled into the CLI (with everything it requires); the other dependencies stay ordinary requires. */
const BUNDLED = ["exceljs"];

function versionOf(pkg) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, "node_modules", pkg, "package.json"), "utf8")).version;
  } catch {
    return "?";
  }
}

/** A key for the sources, this file and the bundled packages as they are now: any edit, addition or removal changes it. */
function sourcesKey(esbuildVersion) {
  // This file too: how it bundles (entries, options) is part of what the cache holds.
  const hash = crypto.createHash("sha1").update(esbuildVersion).update(fs.readFileSync(__filename));
  for (const pkg of BUNDLED) hash.update(`${pkg}@${versionOf(pkg)}\n`);
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = fs.statSync(p);
        hash.update(`${p}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  walk(src);
  return hash.digest("hex").slice(0, 16);
}

function bundleText(esbuild) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})].filter(
    (name) => !BUNDLED.includes(name)
  );
  const out = esbuild.buildSync({
    entryPoints: { cli: entry, "csv-worker": workerEntry },
    outdir: cacheDir,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external,
    write: false,
    absWorkingDir: root,
    logLevel: "silent",
    // main.ts starts itself when it is the process's main module; here this file starts it.
    define: { "require.main": "undefined" },
  });
  const text = (name) => out.outputFiles.find((f) => path.basename(f.path) === `${name}.js`).text;
  return { cli: text("cli"), worker: text("csv-worker") };
}

/** Writes a cache file whole or not at all (a concurrent start reads a whole file or none). */
function writeCacheFile(file, data) {
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch {
    // a read-only install: nothing cached
  }
}

/**
 * The bundles' files (the command's and the CSV worker's): from the cache when the sources are unchanged, else
 * built (and cached when possible; the worker's file is then null when it could not be written).
 */
function cachedBundle(esbuild) {
  const key = sourcesKey(esbuild.version);
  const file = path.join(cacheDir, `cli-${key}.js`);
  const workerFile = path.join(cacheDir, `csv-worker-${key}.js`);
  try {
    if (fs.existsSync(workerFile)) return { file, text: fs.readFileSync(file, "utf8"), workerFile };
  } catch {
    // not cached yet
  }
  const texts = bundleText(esbuild);
  try {
    for (const old of fs.readdirSync(cacheDir))
      if (old.startsWith("cli-") || old.startsWith("csv-worker-")) fs.rmSync(path.join(cacheDir, old), { force: true });
  } catch {
    // no cache folder yet
  }
  writeCacheFile(file, texts.cli);
  writeCacheFile(workerFile, texts.worker);
  return { file, text: texts.cli, workerFile: fs.existsSync(workerFile) ? workerFile : null };
}

/** Compiles the bundle as a CommonJS module, with V8's code cache for it when there is a valid one. */
function compileWithCodeCache(m, filename, bundle) {
  const codeFile = bundle.file.replace(/\.js$/, `.${process.version}.code`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(codeFile);
  } catch {
    // no code cache yet
  }
  const script = new vm.Script(Module.wrap(bundle.text), { filename, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    // Made at exit, so that it holds the functions this run compiled, not only the top level.
    process.once("exit", () => writeCacheFile(codeFile, script.createCachedData()));
  }
  const require = (id) => m.require(id);
  require.resolve = (request) => Module._resolveFilename(request, m);
  require.cache = Module._cache;
  script.runInThisContext().call(m.exports, m.exports, require, m, filename, path.dirname(filename));
}

function bundled() {
  let esbuild;
  try {
    esbuild = require("esbuild");
  } catch {
    return null;
  }
  const file = path.join(src, "cli", "main.bundle.js");
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  const bundle = cachedBundle(esbuild);
  compileWithCodeCache(m, file, bundle);
  m.loaded = true;
  return { cli: m.exports, workerFile: bundle.workerFile };
}

const { cli, workerFile } = bundled() ?? { cli: (require("tsx/cjs"), require(entry)), workerFile: null };
// Without the worker's bundle a large CSV input is read in one thread.
cli.runFromProcess(workerFile ?? undefined);
