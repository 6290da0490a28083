#!/usr/bin/env node
/**
 * `npm start`.
 * - Where desktop Excel is installed (Windows or macOS): builds, serves https://localhost:3000 with the
 *   Office dev certificates and sideloads manifest.xml into Excel, through office-addin-debugging
 *   (`office-addin-debugging start manifest.xml desktop`). `npm start -- --stop` unloads it again.
 * - Elsewhere (Linux, CI) or with `--playground`: serves the pages over http and prints the
 *   playground's address, where the pane runs against a sample workbook without Office.
 */
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const PORT = 3000;
const PLAYGROUND_URL = `http://localhost:${PORT}/playground.html`;
const args = process.argv.slice(2);

function excelInstalled() {
  if (process.platform === "darwin") {
    return ["/Applications/Microsoft Excel.app", path.join(process.env.HOME || "", "Applications/Microsoft Excel.app")].some(
      (p) => fs.existsSync(p)
    );
  }
  if (process.platform === "win32") {
    const roots = [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]].filter(Boolean);
    const versions = ["root\\Office16", "Office16", "root\\Office15", "Office15"];
    return roots.some((r) => versions.some((v) => fs.existsSync(path.join(r, "Microsoft Office", v, "EXCEL.EXE"))));
  }
  return false;
}

function resolveBin(pkg, bin) {
  try {
    const pkgJson = require.resolve(`${pkg}/package.json`, { paths: [root] });
    const meta = require(pkgJson);
    const rel = typeof meta.bin === "string" ? meta.bin : meta.bin && meta.bin[bin || pkg];
    return rel ? path.join(path.dirname(pkgJson), rel) : null;
  } catch {
    return null;
  }
}

/**
 * Runs a package's CLI with this Node; resolves with its exit code. Ctrl+C is passed on.
 * With `onOutput`, its stdout is echoed and each chunk handed to onOutput too.
 */
function run(pkg, bin, cliArgs, onOutput) {
  const file = resolveBin(pkg, bin);
  if (!file) {
    console.error(`start: ${pkg} is not installed.`);
    process.exit(1);
  }
  const stdio = onOutput ? ["inherit", "pipe", "inherit"] : "inherit";
  const child = spawn(process.execPath, [file, ...cliArgs], { cwd: root, stdio });
  if (onOutput) {
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      onOutput(chunk.toString());
    });
  }
  const forward = (signal) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function sideload() {
  if (!resolveBin("office-addin-debugging")) {
    console.error(
      "start: desktop Excel was found, but office-addin-debugging (an optional dependency) is not installed.\n" +
        "       Install the optional dependencies, or run `npm start -- --playground` for the browser playground."
    );
    process.exit(1);
  }
  const webpackCli = resolveBin("webpack-cli", "webpack-cli");
  const devServer = `"${process.execPath}" "${webpackCli}" serve --mode development --env https`;
  const stop = args.includes("--stop");
  const code = await run(
    "office-addin-debugging",
    "office-addin-debugging",
    stop
      ? ["stop", "manifest.xml"]
      : ["start", "manifest.xml", "desktop", "--app", "excel", "--dev-server", devServer, "--dev-server-port", String(PORT)]
  );
  process.exit(code);
}

async function playground() {
  let told = false;
  const code = await run("webpack-cli", "webpack-cli", ["serve", "--mode", "development"], (text) => {
    if (told || !/compiled (successfully|with \d+ warning)/.test(text)) return;
    told = true;
    console.log(
      `\nSegment Sheet playground: ${PLAYGROUND_URL}\n` +
        "(the task pane over a sample workbook, no Office needed; Ctrl+C stops the server)\n"
    );
  });
  process.exit(code);
}

if (!args.includes("--playground") && (args.includes("--desktop") || excelInstalled())) {
  void sideload();
} else {
  void playground();
}
