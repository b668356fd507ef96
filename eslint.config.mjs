// ESLint for the project's JavaScript (`make check`): the recommended rules,
// which catch real mistakes (undefined names, unused variables, unreachable
// code), with each file's real environment. Formatting is left to the authors.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", "site/", ".cache/", ".site.*/", ".venv/"] },
  js.configs.recommended,
  {
    // Loaded by the pages as module scripts (mkdocs.yml's extra_javascript).
    files: ["web/widget-runtime.js", "web/offline.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.browser, document$: "readonly" } },
  },
  {
    // Module workers: the widgets' worker, its snapshot maker, the benchmark's bare one,
    // and the modules they share with the page (python-snapshot.js, quick-reply.js), which
    // use only what both have.
    files: [
      "web/widget-worker.js",
      "web/python-boot.js",
      "web/snapshot-maker.js",
      "web/python-snapshot.js",
      "web/quick-reply.js",
      "benchmarks/bare/*.js",
    ],
    languageOptions: { sourceType: "module", globals: globals.worker },
  },
  {
    // Inlined by the build, as classic scripts, into pages with widgets.
    files: ["web/search-gate.js", "web/widget-start.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
  {
    // The offline copy's service worker (build_tools/offline.py fills in BUILD).
    files: ["web/offline-worker.js"],
    languageOptions: { sourceType: "script", globals: globals.serviceworker },
  },
  {
    // Test and tool scripts run by Node.
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
];
