/**
 * ESLint flat config for `npm run lint` (office-addin-lint check). office-addin-lint uses a project's
 * eslint.config.mjs when there is one (it looks for that exact name), else its own config, which
 * does not cover .tsx. So: eslint-plugin-office-addins' recommended config (Office.js rules such as
 * load-before-read and no sync in loops, plus prettier), extended to .tsx, with typescript-eslint's
 * recommended rules and eslint-plugin-react for the components. All come with office-addin-lint.
 */
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import tseslint from "typescript-eslint";

const TS_FILES = ["**/*.{ts,tsx,mts,cts}"];

/**
 * Formatting, as office-addin-prettier-config (the Office templates' prettier config) but 120
 * columns. Kept here so that eslint and `office-addin-lint prettier` need no extra config file.
 */
const PRETTIER = { printWidth: 120, trailingComma: "es5", endOfLine: "auto" };

/**
 * The office-addins plugin ships its own, older copy of @typescript-eslint; ESLint allows one plugin
 * per name, so its config is pointed at the project's typescript-eslint (which also knows the
 * project's TypeScript version) and at .tsx files.
 */
const officeRecommended = officeAddins.configs.recommended.map((config) =>
  config.plugins && config.plugins["@typescript-eslint"]
    ? {
        ...config,
        files: [...config.files, "**/*.tsx"],
        plugins: { ...config.plugins, "@typescript-eslint": tseslint.plugin },
        languageOptions: { ...config.languageOptions, parser: tseslint.parser, ecmaVersion: 2022 },
        rules: { ...config.rules, "prettier/prettier": ["error", PRETTIER] },
      }
    : config
);

export default [
  { ignores: ["dist/**", "dist-ts/**", "coverage/**", "node_modules/**"] },
  ...officeRecommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.tsx"],
    ...react.configs.flat.recommended,
    settings: { react: { version: "detect" } },
  },
  { files: ["**/*.tsx"], ...react.configs.flat["jsx-runtime"] },
  {
    // The xlsx host implements the Excel API rather than calling it: the Office.js usage rules
    // (load before read, sync before read …) would misread its internals.
    files: ["src/xlsx-host/**"],
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "off"])),
  },
  {
    files: TS_FILES,
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // TypeScript's own checks cover these for typed props.
      "react/prop-types": "off",
    },
  },
];
