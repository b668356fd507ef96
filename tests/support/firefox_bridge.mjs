// Firefox ESR for the browser tests, driven by puppeteer-core over WebDriver
// BiDi. tests/support/engines.py starts this script and sends one JSON command
// per line on stdin; each gets one JSON reply per line on stdout:
//   {"op": "goto", "url": ...} | {"op": "reload"} | {"op": "errors"} | {"op": "close"}
//   {"op": "run", "body": "function body using arguments", "args": [...]}
// Replies: {"ok": value} or {"error": message}.
import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
  headless: true,
  // No calls home: the test machine has no internet.
  extraPrefsFirefox: {
    "app.update.enabled": false,
    "browser.shell.checkDefaultBrowser": false,
    "datareporting.policy.dataSubmissionEnabled": false,
    "toolkit.telemetry.enabled": false,
    "network.captive-portal-service.enabled": false,
  },
});
const page = await browser.newPage();
const pageErrors = [];
page.on("pageerror", (error) => pageErrors.push(String(error)));
page.on("dialog", (dialog) => {
  pageErrors.push(`dialog: ${dialog.message()}`);
  dialog.dismiss();
});

const ops = {
  goto: ({ url }) => page.goto(url, { waitUntil: "load", timeout: 120_000 }).then(() => null),
  reload: () => page.reload({ waitUntil: "load", timeout: 120_000 }).then(() => null),
  // An expression, not a function: the page's CSP forbids eval, not the driver.
  run: ({ body, args }) => page.evaluate(`(function () { ${body} }).apply(null, ${JSON.stringify(args)})`),
  errors: () => pageErrors.splice(0),
  close: () => browser.close().then(() => null),
};

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const command = JSON.parse(line);
  let reply;
  try {
    reply = { ok: (await ops[command.op](command)) ?? null };
  } catch (error) {
    reply = { error: String(error && error.message ? error.message : error) };
  }
  process.stdout.write(`${JSON.stringify(reply)}\n`);
  if (command.op === "close") break;
}
process.exit(0);
