// Browser tests drive Debian's Chromium against a built site served locally; the same two building
// blocks serve the search measurement (scripts/measure-search.ts), so they live in scripts/lib.
export { launchChromium } from "../../scripts/lib/chromium.ts";
export { serveSite, type SiteServer } from "../../scripts/lib/serve-site.ts";
