#!/usr/bin/env node
// Runs the TypeScript CLI without a build step. The sources are bundled with esbuild (a dependency) so that
// the modules run as one scope: a cell loop then reads its helpers directly instead of through the getters a
// per-file transpiler puts on every import (a million-row run spends seconds there). The bundle is cached in
// node_modules/.cache, keyed by every source file's path, size and modification time, so a start costs the
// bundling (~0.2 s) only after a change. tsx, which transpiles file by file, is the fallback.
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const Module = require("module");

const root = path.join(__dirname, "..");
const src = path.join(root, "src");
const entry = path.join(src, "cli", "main.ts");

/** A key for the sources as they are now: any edit, addition or removal changes it. */
function sourcesKey(esbuildVersion) {
  const hash = crypto.createHash("sha1").update(esbuildVersion);
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
  const out = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    write: false,
    absWorkingDir: root,
    logLevel: "silent",
    // main.ts starts itself when it is the process's main module; here this file starts it.
    define: { "require.main": "undefined" },
  });
  return out.outputFiles[0].text;
}

/** The bundle's text: from the cache when the sources are unchanged, else built (and cached when possible). */
function cachedBundle(esbuild) {
  const dir = path.join(root, "node_modules", ".cache", "segment-sheet");
  const file = path.join(dir, `cli-${sourcesKey(esbuild.version)}.js`);
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    // not cached yet
  }
  const text = bundleText(esbuild);
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const old of fs.readdirSync(dir)) if (old.startsWith("cli-")) fs.rmSync(path.join(dir, old), { force: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file); // a concurrent start reads a whole file or none
  } catch {
    // a read-only install: bundle at every start
  }
  return text;
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
  m._compile(cachedBundle(esbuild), file);
  return m.exports;
}

const cli = bundled() ?? (require("tsx/cjs"), require(entry));
cli.runFromProcess();
