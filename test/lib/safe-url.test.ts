import { describe, expect, it } from "vitest";
import { checkUrl } from "../../scripts/lib/safe-url.ts";

const IMITATE = "a trick used to imitate other sites; use the address the organisation really uses";
const ADDRESS_BAR = "copy it from your browser's address bar";
const ENCODED = "copy the address from your browser's address bar, which writes such characters in a form a link can carry";
const CHANGED = "has a host name written with characters that browsers silently change";

describe("checkUrl", () => {
  it.each(["https://example.org", "https://www.kictanet.or.ke/about?x=1#top", "https://m\u00FCnchen.de", "https://xn--mnchen-3ya.de", "https://xn--e1afmkfd.xn--p1ai", "https://\u4F8B\u3048.jp", "https://Example.ORG:443/a", "https://www.example.org:8443/", "https://a-b--c.example.org", "https://xn--bcher-kva.example", "https://1password.com", "https://example.org/?q='x'&r=(1);s=%22y%22#~a"])("accepts %s", (url) => {
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
    ["https://example..org", `is not a valid web address: its host name "example..org" has a dot at its start or two dots in a row; ${ADDRESS_BAR}`],
    ["https://.example.org", `is not a valid web address: its host name ".example.org" has a dot at its start or two dots in a row; ${ADDRESS_BAR}`],
    ["https://-example.org", `is not a valid web address: a part of its host name ("-example") starts or ends with a hyphen; ${ADDRESS_BAR}`],
    ["https://example-.org/", `is not a valid web address: a part of its host name ("example-") starts or ends with a hyphen; ${ADDRESS_BAR}`],
    ["https://exa_mple.org", `is not a valid web address: a part of its host name ("exa_mple") has a character other than letters, digits and hyphens; ${ADDRESS_BAR}`],
    ["https://exa$mple.org", `is not a valid web address: a part of its host name ("exa$mple") has a character other than letters, digits and hyphens; ${ADDRESS_BAR}`],
    ['https://quote.example.org/?a=1&b="x"', `must not contain a double quote ("); ${ENCODED}`],
    ["https://example.org/<script>", `must not contain a less-than sign (<); ${ENCODED}`],
    ["https://example.org/a>b", `must not contain a greater-than sign (>); ${ENCODED}`],
    ["https://example.org\\path", `must not contain a backslash (\\); ${ENCODED}`],
    ["https://example.org/`x`", `must not contain a backtick (\`); ${ENCODED}`],
    ["https://example.org/{x}", `must not contain a curly bracket ({); ${ENCODED}`],
    ["https://example.org/x}", `must not contain a curly bracket (}); ${ENCODED}`],
    ["https://example.org/a|b", `must not contain a vertical bar (|); ${ENCODED}`],
    ["https://example.org/a^b", `must not contain a caret (^); ${ENCODED}`],
    ["https://example.org/a b", "must not contain spaces"],
    ["https://example.org:0", `is not a valid web address: it names port 0, which no site uses; ${ADDRESS_BAR}`],
    ["https://example.org:00/x", `is not a valid web address: it names port 0, which no site uses; ${ADDRESS_BAR}`],
    ["https://xn--pypal-4ve.com", `has a host name that mixes letters from different scripts ("p\u0430ypal"), ${IMITATE}`],
    ["https://p\u0430ypal.com", `has a host name that mixes letters from different scripts ("p\u0430ypal"), ${IMITATE}`],
    ["https://\u03C1aypal.com", `has a host name that mixes letters from different scripts ("\u03C1aypal"), ${IMITATE}`],
    ["https://xn--80ak6aa92e.com", `has a host name written in letters that look like Latin ones but are not ("\u0430\u0440\u0440\u04CF\u0435"), ${IMITATE}`],
    ["https://\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45.org", `${CHANGED} (the link really goes to example.org); copy the address from your browser's address bar`],
    ["https://\u{1D41E}\u{1D431}\u{1D41A}\u{1D426}\u{1D429}\u{1D425}\u{1D41E}.org", `${CHANGED} (the link really goes to example.org); copy the address from your browser's address bar`],
    ["https://ex\u00ADample.org", `${CHANGED} (the link really goes to example.org); copy the address from your browser's address bar`],
    ["https://example.org\u3002com", `${CHANGED} (the link really goes to example.org.com); copy the address from your browser's address bar`],
  ])("refuses %s", (url, reason) => {
    expect(checkUrl(url)).toBe(reason);
  });
});
