// Debian's Chromium as every browser test drives it: headless, and with nothing that reaches out
// to the network on its own (this machine has none but the package registries).
import { chromium, type Browser } from "playwright-core";

const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** One browser per test file: launching is the slow part, pages are cheap. `extraFlags`: a test's own (a fake camera, say). */
export function launchChromium(extraFlags: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: [...CHROMIUM_FLAGS, ...extraFlags] });
}
