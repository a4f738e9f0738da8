// Lint rules, including the architecture boundary: the pure core (config, engine, fixtures model,
// deploy planning, audit metrics, simulation, graph) does no I/O. It never imports a network
// client, the file system, child processes or the adapters, and never touches `process`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const coreDirs = [
  "src/config/**",
  "src/engine/**",
  "src/fixtures/**",
  "src/deploy/**",
  "src/audit/**",
  "src/simulate/**",
  "src/graph/**",
  "src/report/**",
  "src/hubspot-contract/**",
];

const ioModules = [
  "fs",
  "fs/promises",
  "http",
  "https",
  "http2",
  "net",
  "tls",
  "dgram",
  "child_process",
  "worker_threads",
  "undici",
].flatMap((name) => [name, `node:${name}`]);

export default tseslint.config(
  { ignores: ["node_modules/**", "coverage/**", "dist/**", ".routeops/**", "src/fixtures/fixture.generated.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", setTimeout: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@hubspot/api-client", message: "Only src/hubspot/ talks to HubSpot." }],
          patterns: [{ group: ["@hubspot/api-client/*"], message: "Only src/hubspot/ talks to HubSpot." }],
        },
      ],
    },
  },
  {
    files: ["bin/**/*.js", "scripts/**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", __dirname: "readonly", __filename: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/hubspot/**", "src/emulator/**", "test/**", "bench/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: coreDirs,
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "process", message: "The pure core reads no environment: take it as a parameter." },
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...ioModules.map((name) => ({ name, message: "The pure core does no I/O: use an adapter at the edge." })),
            { name: "@hubspot/api-client", message: "The pure core imports no network client." },
            { name: "@octokit/rest", message: "The pure core imports no network client." },
          ],
          patterns: [
            {
              group: ["**/hubspot/**", "**/github/**", "**/files/**", "**/cli/**", "**/emulator/**", "@octokit/*"],
              message: "The pure core does not depend on adapters or the CLI.",
            },
          ],
        },
      ],
    },
  },
);
