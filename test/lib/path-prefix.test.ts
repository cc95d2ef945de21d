import { describe, expect, it } from "vitest";
import { normalisePathPrefix, prefixRootUrls } from "../../scripts/lib/path-prefix.ts";

describe("normalisePathPrefix", () => {
  it.each([
    ["/", "/"],
    ["", "/"],
    ["repo", "/repo/"],
    ["/repo", "/repo/"],
    ["/repo/", "/repo/"],
    ["//a/b//", "/a/b/"],
  ])("%j → %j", (given, expected) => {
    expect(normalisePathPrefix(given)).toBe(expected);
  });
});

describe("prefixRootUrls", () => {
  it.each([
    { what: "a root-relative link", html: '<a href="/letters/x/#acme">', expected: '<a href="/repo/letters/x/#acme">' },
    { what: "the site root", html: '<a href="/">', expected: '<a href="/repo/">' },
    { what: "scripts, images and forms", html: '<script src="/pagefind/pagefind-ui.js"></script><img src="/a.svg" alt=""><form action="/search/">', expected: '<script src="/repo/pagefind/pagefind-ui.js"></script><img src="/repo/a.svg" alt=""><form action="/repo/search/">' },
    { what: "an attribute on a new line", html: '<link\n  href="/assets/site.css">', expected: '<link\n  href="/repo/assets/site.css">' },
    { what: "absolute and protocol-relative URLs", html: '<a href="https://example.org/">x</a><img src="//cdn.example/x.png">', expected: '<a href="https://example.org/">x</a><img src="//cdn.example/x.png">' },
    { what: "relative links and fragments", html: '<a href="#acme">x</a><a href="2/">y</a><a href="../">z</a>', expected: '<a href="#acme">x</a><a href="2/">y</a><a href="../">z</a>' },
    { what: "other attributes and escaped text", html: '<p data-url="/x" title="/y">href=&quot;/z&quot;</p><li data-signatory="l/s">', expected: '<p data-url="/x" title="/y">href=&quot;/z&quot;</p><li data-signatory="l/s">' },
    { what: "attributes whose names only end like a URL attribute", html: '<p data-href="/x" xsrc="/y" data="/z">', expected: '<p data-href="/x" xsrc="/y" data="/repo/z">' },
    { what: "every link of a long list, each once", html: '<li><a href="/a/#1">1</a></li>\n<li><a href="/a/#2">2</a></li>', expected: '<li><a href="/repo/a/#1">1</a></li>\n<li><a href="/repo/a/#2">2</a></li>' },
  ])("$what", ({ html, expected }) => {
    expect(prefixRootUrls(html, "/repo/")).toBe(expected);
  });

  it("leaves the page untouched when there is no prefix", () => {
    const html = '<a href="/letters/">';
    expect(prefixRootUrls(html, "/")).toBe(html);
  });
});
