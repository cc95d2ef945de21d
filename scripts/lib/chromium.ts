import { chromium, type Browser } from "playwright-core";

/**
 * Debian's Chromium, headless, with the flags that work on these machines (see STACK.md).
 * @example const browser = await launchChromium(); await browser.close();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
