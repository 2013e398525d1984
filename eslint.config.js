// Lint: typescript-eslint's recommended rules, React hooks rules for the UI, and the
// sans-IO rule of DESIGN.md for the core: no clock, timer, randomness or DOM of its own.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const CORE = ["src/protocol", "src/telemetry", "src/log", "src/metadata", "src/server", "src/broker", "src/controller", "src/client", "src/cli"];
const coreFiles = CORE.map((dir) => `${dir}/**/*.ts`);
const testFiles = ["**/*.test.ts", "**/testing/**"];

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "src/protocol/generated/", "test-results/", "playwright-report/", "e2e/artifacts/", "bench/results/", "scratch/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-constant-condition": ["error", { checkLoops: false }],
    },
  },
  {
    files: ["src/ui/**/*.tsx", "src/ui/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: coreFiles,
    ignores: testFiles,
    rules: {
      "no-restricted-globals": [
        "error",
        ...["window", "document", "navigator", "indexedDB", "localStorage", "postMessage", "setTimeout", "setInterval", "clearTimeout", "clearInterval", "queueMicrotask", "requestAnimationFrame", "performance", "process", "Buffer", "fetch"].map(
          (name) => ({ name, message: "The core is sans-IO (DESIGN.md section 1): take I/O, time and timers from the shell." }),
        ),
      ],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "The core takes `now` from the shell." },
        { object: "Math", property: "random", message: "The core takes randomness from the shell (seeded in the simulator)." },
      ],
    },
  },
);
