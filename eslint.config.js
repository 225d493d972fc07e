// Lint rules that keep the architecture honest: the model stays pure (no Office, DOM, files or
// clocks), only the Office adapter touches Excel, the pane's first load cannot grow by accident, hooks
// follow React's rules, Excel batches follow Office's, and files stay small.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import prettierConfig from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "dist-cli/", "coverage/", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "max-lines": ["error", { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ["models/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["exceljs", "react", "react-*", "@fluentui/*", "office-*", "@microsoft/*", "node:*", "fs", "path", "**/src/**"],
              message: "models/ is pure: no Office, DOM, UI, files or adapters.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Excel", "Office", "CustomFunctions", "window", "document", "process"],
      // No module-level mutable state in the model: scratch belongs to an object the caller owns.
      "no-restricted-syntax": [
        "error",
        { selector: "Program > VariableDeclaration[kind='let']", message: "No module-level mutable state in models/." },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Randomness comes from a seeded stream (models/random.ts)." },
        { object: "Date", property: "now", message: "The model has no clock; pass times in." },
      ],
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/workbook/office/**"],
    rules: {
      "no-restricted-globals": ["error", { name: "Excel", message: "Only src/workbook/office/ talks to Excel." }],
    },
  },
  {
    // The pane's components and hooks take only types from the pipeline and workbook layers: the code
    // behind them is reached through the services (workbookService.ts, scenarioService.ts, hosts.ts) and the
    // worker, so a component cannot pull the engine or exceljs into the first load.
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    ignores: [
      "src/taskpane/workbookService.ts",
      "src/taskpane/scenarioService.ts",
      "src/taskpane/hosts.ts",
      "src/taskpane/host.ts",
      "src/taskpane/index.tsx",
    ],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/pipeline/**", "**/workbook/**", "**/pipeline", "**/workbook"],
              allowTypeImports: true,
              message: "Components and hooks import only types from the pipeline and workbook layers; call a service instead.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.flat.recommended.rules, "react-hooks/exhaustive-deps": "error" },
  },
  {
    // Office's own rules for Excel batches (load before read, sync after load, null objects, no sync per item).
    files: ["src/workbook/office/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "error"])),
  },
  {
    // Tests, scripts and the plans' preset tables (data transcribed from the seeds, not logic).
    files: ["tests/**/*.ts", "scripts/**/*.ts", "models/presets.ts"],
    rules: { "max-lines": "off" },
  },
  // Formatting is Prettier's (checked by `npm run format:check`); ESLint keeps out of its way.
  prettierConfig,
);
