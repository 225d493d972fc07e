// Lint rules that keep the architecture honest: the model stays pure (no Office, DOM, files or
// clocks), only the Office adapter touches Excel, and files stay small.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "coverage/", "**/*.d.ts"] },
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
            { group: ["exceljs", "react", "react-*", "@fluentui/*", "office-*", "@microsoft/*", "node:*", "fs", "path", "**/src/**"], message: "models/ is pure: no Office, DOM, UI, files or adapters." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Excel", "Office", "CustomFunctions", "window", "document", "process"],
      // No module-level mutable state in the model: scratch belongs to an object the caller owns.
      "no-restricted-syntax": ["error", { selector: "Program > VariableDeclaration[kind='let']", message: "No module-level mutable state in models/." }],
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
    files: ["tests/**/*.ts", "scripts/**/*.ts"],
    rules: { "max-lines": "off" },
  },
);
