/**
 * Checks that a URL is safe to publish as a link: https, parseable, a real host name, and nothing
 * before the host that could disguise where it goes. Returns the reason it is not, or undefined.
 * @example checkUrl("https://good.org@evil.example") // "must not contain …"
 */
export function checkUrl(url: string): string | undefined {
  if (!url.toLowerCase().startsWith("https://")) return `must start with https://`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "is not a valid web address; copy it from your browser's address bar";
  }
  if (parsed.username !== "" || parsed.password !== "" || /^https:\/\/[^/?#]*@/i.test(url)) {
    return `must not contain "@" before the host name: it can disguise where the link really goes`;
  }
  if (/\s/.test(url)) return "must not contain spaces";
  if (/^\[|^\d+(?:\.\d+){3}$/.test(parsed.hostname)) return "must use a host name, not an IP address";
  if (!parsed.hostname.includes(".") || parsed.hostname.endsWith(".")) return "must have a full host name such as example.org";
  return undefined;
}
