/**
 * Builds the add-in's pages into dist/:
 *   taskpane.html  (src/taskpane)  the task pane; loads office.js from Microsoft's CDN
 *   commands.html  (src/commands)  the ribbon's function command; loads office.js
 *   notice.html    (src/commands)  the dialog in which the command tells its outcome; loads office.js
 *   playground.html (src/playground) the pane over an in-browser workbook; no office.js
 * plus engine-worker.js, the Web Worker in which the pane, the command and the playground run src/engine
 * (started with `new Worker(new URL(...), import.meta.url)`, src/taskpane/engine/spawn-worker.ts).
 * Every entry is self-contained (no chunks shared between pages), and the build fails if an add-in
 * page or its worker would carry exceljs, the xlsx host or playground code.
 *
 *   npx webpack --mode production              # dist/, manifest URLs kept (or PUBLIC_URL=https://host/path/)
 *   npx webpack serve --mode development       # http://localhost:3000/playground.html
 *   npx webpack serve --mode development --env https   # https with office-addin-dev-certs, for sideloading
 *   npx webpack --mode production --env e2e --output-path DIR   # what test/e2e serves: no source maps, a
 *                                               # filesystem cache, and the Office stub of test/e2e/stub
 */
const path = require("path");
const fs = require("fs");
const zlib = require("zlib");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const PORT = 3000;

/** Pages that run inside Office: none of this may end up in them. */
const ADDIN_ENTRIES = ["taskpane", "commands", "notice"];
const FORBIDDEN_IN_ADDIN = [
  { test: /[\\/]node_modules[\\/]exceljs[\\/]/, what: "exceljs" },
  { test: /[\\/]src[\\/]xlsx-host[\\/]/, what: "src/xlsx-host" },
  { test: /[\\/]src[\\/]playground[\\/]/, what: "src/playground" },
];

/**
 * Not in the pages' own scripts either: the engine's pipeline runs in engine-worker.js (or, if no worker
 * can start, in a chunk loaded then), so the pane does not download and parse it twice.
 */
const FORBIDDEN_IN_PAGE_SCRIPT = [
  { test: /[\\/]src[\\/]engine[\\/]pipeline\.ts$/, what: "src/engine/pipeline (it belongs in engine-worker.js)" },
];

/** Every file a module was built from (a concatenated module holds many). */
function moduleResources(module, out = []) {
  if (module.resource) out.push(module.resource);
  if (module.rootModule) moduleResources(module.rootModule, out);
  if (Array.isArray(module.modules)) for (const inner of module.modules) moduleResources(inner, out);
  return out;
}

/** Every chunk a page may load: its own, its lazy chunks, and its workers' (async entrypoints). */
function pageChunks(entrypoint) {
  const chunks = new Set();
  const add = (chunk) => {
    if (chunks.has(chunk)) return;
    chunks.add(chunk);
    for (const lazy of chunk.getAllAsyncChunks()) add(lazy);
    for (const worker of chunk.getAllReferencedAsyncEntrypoints()) for (const c of worker.chunks) add(c);
  };
  for (const chunk of entrypoint.chunks) add(chunk);
  return chunks;
}

class AddinBundleGuard {
  apply(compiler) {
    compiler.hooks.afterCompile.tap("AddinBundleGuard", (compilation) => {
      const { chunkGraph } = compilation;
      for (const name of ADDIN_ENTRIES) {
        const entrypoint = compilation.entrypoints.get(name);
        if (!entrypoint) continue;
        const chunks = pageChunks(entrypoint);
        const found = new Map();
        for (const chunk of chunks) {
          for (const module of chunkGraph.getChunkModulesIterable(chunk)) {
            for (const file of moduleResources(module)) {
              const rule = FORBIDDEN_IN_ADDIN.find((r) => r.test.test(file));
              if (rule && !found.has(rule.what)) found.set(rule.what, path.relative(compiler.context, file));
            }
          }
        }
        for (const chunk of entrypoint.chunks) {
          for (const module of chunkGraph.getChunkModulesIterable(chunk)) {
            for (const file of moduleResources(module)) {
              const rule = FORBIDDEN_IN_PAGE_SCRIPT.find((r) => r.test.test(file));
              if (rule && !found.has(rule.what)) found.set(rule.what, path.relative(compiler.context, file));
            }
          }
        }
        for (const [what, file] of found) {
          compilation.errors.push(new webpack.WebpackError(`The "${name}" bundle must not contain ${what} (it pulled in ${file}).`));
        }
      }
    });
  }
}

/** Gzipped budgets of the pages that load inside Office (KiB); over budget is a build warning. */
const GZIP_BUDGET_KIB = { taskpane: 200, commands: 40, notice: 10 };

/** The engine worker is loaded on the first run, after the pane is up: reported apart, with its own budget. */
const WORKER_GZIP_BUDGET_KIB = 40;

/**
 * Prints the gzipped size of each page's script after a production build, against its budget, and
 * the size of the worker scripts it starts; writes the figures to bundle-sizes.json beside them.
 */
class GzipSizeReport {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("GzipSizeReport", (compilation) => {
      const rows = [];
      const report = {};
      const measure = (files) => {
        let raw = 0;
        let gzip = 0;
        for (const file of files) {
          // After emit webpack keeps only sizes in memory: read what was written.
          const source = fs.readFileSync(path.join(compilation.outputOptions.path, file));
          raw += source.length;
          gzip += zlib.gzipSync(source, { level: 9 }).length;
        }
        return { raw, gzip };
      };
      for (const [name, entrypoint] of compilation.entrypoints) {
        const own = entrypoint.getFiles().filter((f) => f.endsWith(".js"));
        const { raw, gzip } = measure(own);
        const workerChunks = new Set();
        for (const chunk of entrypoint.chunks) {
          for (const w of chunk.getAllReferencedAsyncEntrypoints()) for (const c of w.chunks) workerChunks.add(c);
        }
        const workerFiles = new Set();
        const lazyFiles = new Set();
        for (const chunk of pageChunks(entrypoint)) {
          for (const f of chunk.files) {
            if (!f.endsWith(".js") || own.includes(f)) continue;
            (workerChunks.has(chunk) ? workerFiles : lazyFiles).add(f);
          }
        }
        const worker = measure([...workerFiles]);
        const lazy = measure([...lazyFiles]);
        report[name] = {
          raw,
          gzip,
          workers: [...workerFiles],
          workerRaw: worker.raw,
          workerGzip: worker.gzip,
          lazy: [...lazyFiles],
          lazyGzip: lazy.gzip,
        };
        const budget = GZIP_BUDGET_KIB[name];
        rows.push(
          `  ${name.padEnd(11)} ${(raw / 1024).toFixed(1).padStart(8)} KiB  ${(gzip / 1024).toFixed(1).padStart(7)} KiB gzipped` +
            (budget ? `  (budget ${budget} KiB)` : "") +
            (workerFiles.size ? `  + worker ${(worker.gzip / 1024).toFixed(1)} KiB gzipped` : "") +
            (lazyFiles.size ? ` (+ ${(lazy.gzip / 1024).toFixed(1)} KiB loaded only if no worker starts)` : "")
        );
        if (workerFiles.size && ADDIN_ENTRIES.includes(name) && worker.gzip / 1024 > WORKER_GZIP_BUDGET_KIB) {
          compilation.warnings.push(
            new webpack.WebpackError(
              `${name}'s worker is ${(worker.gzip / 1024).toFixed(1)} KiB gzipped, over its ${WORKER_GZIP_BUDGET_KIB} KiB budget.`
            )
          );
        }
        if (budget && gzip / 1024 > budget) {
          compilation.warnings.push(
            new webpack.WebpackError(`${name}.js is ${(gzip / 1024).toFixed(1)} KiB gzipped, over its ${budget} KiB budget.`)
          );
        }
      }
      fs.writeFileSync(path.join(compilation.outputOptions.path, "bundle-sizes.json"), JSON.stringify(report, null, 2));
      console.log(`Page scripts:\n${rows.join("\n")}`);
    });
  }
}

async function httpsOptions() {
  // Only for sideloading into desktop Excel, which requires https; an optional dependency.
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const e2e = Boolean(env.e2e);
  const publicUrl = process.env.PUBLIC_URL;
  const page = (name, template, title) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks: [name], title, inject: "head", scriptLoading: "defer" });

  return {
    mode: production ? "production" : "development",
    context: __dirname,
    // Not eval-based: the pages' Content-Security-Policy forbids eval, in development too.
    devtool: e2e ? false : "source-map",
    // The e2e build is repeated on every test run: keep webpack's work between runs.
    cache: e2e ? { type: "filesystem", name: "e2e", buildDependencies: { config: [__filename] } } : undefined,
    target: ["web", "es2020"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      notice: "./src/commands/notice.ts",
      playground: "./src/playground/index.tsx",
      // test/e2e only: an Office.js stand-in over the xlsx host, served in place of Microsoft's office.js.
      ...(e2e ? { "office-stub": "./test/e2e/stub/office-stub.ts" } : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // ES modules, so that webpack can drop what a page does not use (Fluent UI is large).
              compilerOptions: { module: "es2020", sourceMap: true },
            },
          },
        },
      ],
    },
    optimization: {
      // Each page gets its own bundle: nothing of the playground is ever shared into an add-in page.
      splitChunks: false,
      runtimeChunk: false,
    },
    // Size is watched per page by GzipSizeReport (the playground is large on purpose: it carries
    // a workbook engine; the add-in pages have budgets).
    performance: { hints: false },
    plugins: [
      // segment-sheet.ts and preview-sheet.ts import the engine as their default; every page passes the worker's
      // instead, so in the browser that default is a lazy stand-in (src/taskpane/engine/lazy-pipeline.ts)
      // and the engine ships once, in engine-worker.js.
      new webpack.NormalModuleReplacementPlugin(/[\\/]engine[\\/]pipeline$/, (resolveData) => {
        const issuer = resolveData.contextInfo && resolveData.contextInfo.issuer;
        if (issuer && /[\\/]src[\\/]excel[\\/](segment|preview)-sheet\.ts$/.test(issuer)) {
          resolveData.request = path.resolve(__dirname, "src/taskpane/engine/lazy-pipeline.ts");
        }
      }),
      new AddinBundleGuard(),
      ...(production ? [new GzipSizeReport()] : []),
      page("taskpane", "./src/taskpane/taskpane.html"),
      page("commands", "./src/commands/commands.html"),
      page("notice", "./src/commands/notice.html"),
      page("playground", "./src/playground/playground.html"),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/sample-customers.xlsx", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return publicUrl ? content.toString().split(DEV_URL).join(publicUrl) : content;
            },
          },
        ],
      }),
    ],
    devServer: {
      port: PORT,
      host: "localhost",
      // http for the playground; https (office-addin-dev-certs) when sideloading into desktop Excel.
      server: env.https ? { type: "https", options: await httpsOptions() } : "http",
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
    },
  };
};
