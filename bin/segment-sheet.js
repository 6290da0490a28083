#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (a dependency), so `npx segment-sheet` needs no build step.
require("tsx/cjs");
require("../src/cli/main.ts").runFromProcess();
