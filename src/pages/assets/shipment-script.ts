// The shipment page's manifest check: built from src/pages/assets/shipment-client.ts by
// scripts/build-assets.ts into src/generated/ (not committed), served from our own origin with
// its content hash, so it may be cached for long.
import { SHIPMENT_SCRIPT, SHIPMENT_SCRIPT_VERSION } from "../../generated/shipment-script.js";

export { SHIPMENT_SCRIPT };
export const SHIPMENT_SCRIPT_ROUTE = "/assets/shipment.js";
export const SHIPMENT_SCRIPT_PATH = `${SHIPMENT_SCRIPT_ROUTE}?v=${SHIPMENT_SCRIPT_VERSION}`;
