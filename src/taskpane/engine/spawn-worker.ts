/**
 * Starts the engine worker. webpack 5 turns `new Worker(new URL("…", import.meta.url))` into a
 * separate script of the build (ts-loader compiles with module es2020, which keeps import.meta).
 * This file is never loaded by jest: the tests hand the client a fake worker or none.
 */
export function spawnEngineWorker(): Worker {
  return new Worker(
    /* webpackChunkName: "engine-worker" */
    // @ts-expect-error -- tsconfig's module is commonjs (jest, CLI); webpack resolves import.meta.url at build time.
    new URL("../engine.worker.ts", import.meta.url),
    { name: "segment-sheet-engine" }
  );
}
