#!/usr/bin/env node
// Runs the TypeScript CLI without a build step. The sources are bundled in memory with esbuild (a
// dependency; ~0.1 s) so that the modules run as one scope: a cell loop then reads its helpers directly
// instead of through the getters a per-file transpiler puts on every import (a million-row run spends
// seconds there). tsx, which transpiles file by file, is the fallback.
const path = require("path");
const Module = require("module");

const root = path.join(__dirname, "..");
const entry = path.join(root, "src", "cli", "main.ts");

function bundled() {
  let esbuild;
  try {
    esbuild = require("esbuild");
  } catch {
    return null;
  }
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
  const file = path.join(root, "src", "cli", "main.bundle.js");
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  m._compile(out.outputFiles[0].text, file);
  return m.exports;
}

const cli = bundled() ?? (require("tsx/cjs"), require(entry));
cli.runFromProcess();
