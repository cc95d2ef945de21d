import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../scripts/lib/html.ts";
import { renderEntries, renderPrintedEntries, type EntryOptions } from "../../scripts/lib/render-entries.ts";
import type { SignatoryView } from "../../scripts/lib/site-data.ts";

const letter = { slug: "open-letter", url: "/letters/open-letter/" };

function view(overrides: Partial<SignatoryView>): SignatoryView {
  return { slug: "acme", name: "Acme", type: "organisation", place: "Kenya", placeKey: "ke", country: "KE", signed: "2024-03-01", earlierVersion: false, href: "/letters/open-letter/organisations/#acme", ...overrides };
}

const canonicalOnPage: EntryOptions = { letter, lang: "en", canonical: true, onLetterPage: true };
const linkingElsewhere: EntryOptions = { letter, lang: "en", canonical: false, onLetterPage: false };
const forSearch: EntryOptions = { ...canonicalOnPage, onLetterPage: false, forSearch: true };

describe("renderEntries", () => {
  it.each([
    {
      what: "a canonical entry with a website is a list item with the id (not a heading), the link kept out of referrer chains",
      entry: view({ url: "https://acme.example/" }),
      options: canonicalOnPage,
      html: '<li class="entry" id="acme" data-signatory="open-letter/acme"><span class="name" dir="auto"><a href="https://acme.example/" rel="nofollow ugc noopener">Acme</a></span>, <span class="place">Kenya</span></li>',
    },
    {
      what: "a canonical individual shows their identification, the verified mark and the earlier-version mark, linking within the letter page",
      entry: view({ slug: "ada", name: "Ada Lovelace", type: "individual", identification: "Chair, Acme", verified: { method: "email", by: "maintainer", date: "2024-03-02" }, earlierVersion: true }),
      options: canonicalOnPage,
      html: '<li class="entry" id="ada" data-signatory="open-letter/ada"><span class="name" dir="auto">Ada Lovelace</span>, <span class="place">Kenya</span><span class="identification"> — Chair, Acme <small>(for identification purposes only)</small></span> <a class="verified" href="#verified_note"><span aria-hidden="true">✓</span> verified</a> <a class="earlier-version" href="#changes_heading">(signed an earlier version)</a></li>',
    },
    {
      what: "an entry for a search block is a bare heading with the page's text, its place plain text with no id or filter",
      entry: view({ slug: "ada", name: "Ada Lovelace", type: "individual", url: "https://ada.example/", identification: "Chair, Acme", verified: { method: "email", by: "maintainer", date: "2024-03-02" }, earlierVersion: true }),
      options: forSearch,
      html: '<h2 id="ada" data-signatory="open-letter/ada">Ada Lovelace, Kenya — Chair, Acme (for identification purposes only) ✓ verified (signed an earlier version)</h2>',
    },
    {
      what: "any other listing has no id and links to the canonical address; its notes link to the letter page",
      entry: view({ verified: { method: "github", by: "maintainer", date: "2024-03-02" } }),
      options: linkingElsewhere,
      html: '<li data-signatory="open-letter/acme"><a class="name" dir="auto" href="/letters/open-letter/organisations/#acme">Acme</a>, <span class="place">Kenya</span> <a class="verified" href="/letters/open-letter/#verified_note"><span aria-hidden="true">✓</span> verified</a></li>',
    },
  ])("$what", ({ entry, options, html }) => {
    expect(renderEntries([entry], options)).toBe(html);
  });

  it("dates each entry of a list by date, in the list's language, the date cached per day but each entry's own", () => {
    const entries = [view({ slug: "b", name: "B", signed: "2024-03-02" }), view({ slug: "a", name: "A", signed: "2024-03-01" }), view({ slug: "c", name: "C", signed: "2024-03-01" })];
    expect(renderEntries(entries.slice(0, 2), { ...linkingElsewhere, dated: true })).toBe(
      '<li data-signatory="open-letter/b"><time class="signed" datetime="2024-03-02">March 2, 2024</time>: <a class="name" dir="auto" href="/letters/open-letter/organisations/#acme">B</a>, <span class="place">Kenya</span></li>\n' +
        '<li data-signatory="open-letter/a"><time class="signed" datetime="2024-03-01">March 1, 2024</time>: <a class="name" dir="auto" href="/letters/open-letter/organisations/#acme">A</a>, <span class="place">Kenya</span></li>',
    );
    expect(renderEntries(entries, { ...linkingElsewhere, lang: "fr", dated: true }).split("\n").map((line) => line.match(/<time[^>]*>[^<]*<\/time>[^<]*/)?.[0])).toEqual([
      '<time class="signed" datetime="2024-03-02">2 mars 2024</time>\u00a0: ',
      '<time class="signed" datetime="2024-03-01">1 mars 2024</time>\u00a0: ',
      '<time class="signed" datetime="2024-03-01">1 mars 2024</time>\u00a0: ',
    ]);
  });

  it("marks the language of the page an entry links to, when it is not the list's (a translation linking to the original)", () => {
    expect(renderEntries([view({})], { ...linkingElsewhere, lang: "es", hreflang: "en" })).toBe(
      '<li data-signatory="open-letter/acme"><a class="name" dir="auto" href="/letters/open-letter/organisations/#acme" hreflang="en">Acme</a>, <span class="place">Kenya</span></li>',
    );
  });

  it("escapes every value taken from a signatory file, in text and in attributes", () => {
    const hostile = view({ slug: "x", name: `<img src=x onerror="alert(1)">`, place: "K&'", url: `https://e.example/?a="b"`, identification: "<script>", href: `/l/#x"onmouseover="y` });
    const html = renderEntries([hostile], canonicalOnPage) + renderEntries([hostile], linkingElsewhere);
    expect(html).not.toMatch(/<img|<script|onerror="|"onmouseover/);
    expect(html).toContain(escapeHtml(`<img src=x onerror="alert(1)">`));
    expect(html).toContain('href="https://e.example/?a=&quot;b&quot;"');
    expect(html).toContain('href="/l/#x&quot;onmouseover=&quot;y"');
    expect(renderEntries([hostile], forSearch)).toBe('<h2 id="x" data-signatory="open-letter/x">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;, K&amp;&#39; — &lt;script&gt; (for identification purposes only)</h2>');
  });

  it("writes one entry per line, in the order given, and nothing for an empty list", () => {
    const html = renderEntries([view({ slug: "b", name: "B" }), view({ slug: "a", name: "A" })], linkingElsewhere);
    expect(html.split("\n").map((line) => line.match(/data-signatory="([^"]+)"/)?.[1])).toEqual(["open-letter/b", "open-letter/a"]);
    expect(renderEntries([], linkingElsewhere)).toBe("");
  });
});

describe("renderPrintedEntries", () => {
  it("prints plain text with no link and no id, in the list's language", () => {
    const entries = [view({ url: "https://acme.example/" }), view({ slug: "ada", name: "Ada", type: "individual", place: "México", identification: "Directora, Acme" })];
    expect(renderPrintedEntries(entries, letter, "es")).toBe(
      '<li data-signatory="open-letter/acme"><span dir="auto">Acme</span>, Kenya</li>\n<li data-signatory="open-letter/ada"><span dir="auto">Ada</span>, México — Directora, Acme (solo a efectos de identificación)</li>',
    );
  });
});
