import { describe, expect, it } from "vitest";
import { checkUrl } from "../../scripts/lib/safe-url.ts";

describe("checkUrl", () => {
  it.each(["https://example.org", "https://www.kictanet.or.ke/about?x=1#top", "https://xn--80ak6aa92e.com"])("accepts %s", (url) => {
    expect(checkUrl(url)).toBeUndefined();
  });

  it.each([
    ["http://example.org", "must start with https://"],
    ["javascript:alert(1)", "must start with https://"],
    ["data:text/html,<script>", "must start with https://"],
    ["https://good.org@evil.example", 'must not contain "@" before the host name: it can disguise where the link really goes'],
    ["https://user:pass@example.org", 'must not contain "@" before the host name: it can disguise where the link really goes'],
    ["https://192.168.0.1/", "must use a host name, not an IP address"],
    ["https://[::1]/", "must use a host name, not an IP address"],
    ["https://localhost/", "must have a full host name such as example.org"],
    ["https://exa mple.org", "is not a valid web address; copy it from your browser's address bar"],
  ])("refuses %s", (url, reason) => {
    expect(checkUrl(url)).toBe(reason);
  });
});
