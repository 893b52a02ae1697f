// The scripts the pages load from /assets/, by the path each is served at (src/http/routes/assets.ts).
// A module of its own on Workers (worker-modules/browser-scripts.js, about 12 KiB gzipped),
// loaded on the first request for one of them: no scan's answer needs the scripts' text, only
// their versioned paths, which the pages import from the scripts' own modules.
import { CONSOLE_SCRIPT, CONSOLE_SCRIPT_ROUTE } from "./console-script.js";
import { SCANNER_SCRIPT, SCANNER_SCRIPT_ROUTE } from "./scanner-script.js";
import { SHIPMENT_SCRIPT, SHIPMENT_SCRIPT_ROUTE } from "./shipment-script.js";
import { VERIFY_SCRIPT, VERIFY_SCRIPT_PATH } from "./verify-script.js";

export type BrowserScripts = Readonly<Record<string, string>>;

export const BROWSER_SCRIPTS: BrowserScripts = {
  [VERIFY_SCRIPT_PATH]: VERIFY_SCRIPT,
  [CONSOLE_SCRIPT_ROUTE]: CONSOLE_SCRIPT,
  [SHIPMENT_SCRIPT_ROUTE]: SHIPMENT_SCRIPT,
  [SCANNER_SCRIPT_ROUTE]: SCANNER_SCRIPT,
};
