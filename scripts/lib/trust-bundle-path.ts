// Where the command-line tools keep the trust bundle: asli-verify fetches it (--update), the
// monitor reads it for the log's keys and the registry's names.
import { homedir } from "node:os";
import { join } from "node:path";

/** $ASLI_TRUST_BUNDLE, else $XDG_DATA_HOME/asli/trust-bundle, else ~/.local/share/asli/trust-bundle. */
export function defaultBundlePath(): string {
  if (process.env.ASLI_TRUST_BUNDLE) return process.env.ASLI_TRUST_BUNDLE;
  const data = process.env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return join(data, "asli", "trust-bundle");
}
