import { beforeAll, describe, expect, it } from "vitest";
import { loadRepository } from "../../scripts/lib/load-repository.ts";
import { loadSettings } from "../../scripts/lib/settings.ts";
import { buildSiteData, type SiteData } from "../../scripts/lib/site-data.ts";
import { fixture } from "../helpers/run.ts";

let data: SiteData;

beforeAll(async () => {
  const root = fixture("repos", "life");
  const [repo, { settings }] = await Promise.all([loadRepository(root), loadSettings(root)]);
  data = buildSiteData(repo, settings!, "2026-11-28");
});

const page = (url: string) => data.letterPages.find((p) => p.url === url)!;

describe("buildSiteData: languages and a letter's life", () => {
  it("makes one page per language version, the original first, and lists only originals as letters", () => {
    expect(data.letters.map((l) => l.url)).toEqual(["/letters/open-data/", "/letters/past-letter/"]);
    expect(data.letterPages.map((p) => [p.url, p.lang, p.dir, p.isTranslation])).toEqual([
      ["/letters/open-data/", "en", "ltr", false],
      ["/letters/open-data/ar/", "ar", "rtl", true],
      ["/letters/open-data/es/", "es", "ltr", true],
      ["/letters/past-letter/", "en", "ltr", false],
    ]);
    expect(page("/letters/open-data/es/").versions.map((v) => [v.lang, v.name, v.url])).toEqual([
      ["en", "English", "/letters/open-data/"],
      ["ar", "العربية", "/letters/open-data/ar/"],
      ["es", "Español", "/letters/open-data/es/"],
    ]);
  });

  it("takes the words from the translation and the facts from index.md", () => {
    const es = page("/letters/open-data/es/");
    expect([es.title, es.from, es.to, es.date, es.dateLabel, es.isOpen]).toEqual(["Abran los datos del presupuesto", "un grupo de organizaciones de la sociedad civil", ["Sra. Ada Minister, Ministra de Hacienda"], "2020-01-10", "10 de enero de 2020", true]);
    expect(es.bodyHtml).toContain("Le pedimos que publique");
    expect(es.revisions.map((r) => [r.dateLabel, r.summary, r.substantive])).toEqual([
      ["10 de febrero de 2020", "Added the request to publish data monthly.", true],
      ["15 de marzo de 2020", "Fixed a typo in the second paragraph.", false],
    ]);
  });

  it("names countries, sorts names and joins addressees in the page's language", () => {
    const ar = page("/letters/open-data/ar/");
    expect(ar.organisations.map((s) => [s.name, s.place])).toEqual([
      ["الجمعية المصرية للشفافية", "مصر"],
      ["Kenya Budget Network", "كينيا"],
      ["Open Budget Brasil", "البرازيل"],
    ]);
    expect(ar.to).toEqual(["السيدة آدا مينستر، وزيرة المالية"]);
    expect(page("/letters/open-data/").organisations.map((s) => s.place)).toEqual(["Kenya", "Brazil", "Egypt"]);
  });

  it("names the places of a translation's table in its language, with the original's counts and links, ties in its own order", () => {
    const rows = (url: string) => page(url).lists.places.map((row) => [row.name, row.total, row.url]);
    expect(rows("/letters/open-data/")).toEqual([
      ["Brazil", 1, "/letters/open-data/countries/br/"],
      ["Egypt", 1, "/letters/open-data/countries/eg/"],
      ["France", 1, "/letters/open-data/countries/fr/"],
      ["Kenya", 1, "/letters/open-data/countries/ke/"],
    ]);
    expect(rows("/letters/open-data/ar/")).toEqual([
      ["البرازيل", 1, "/letters/open-data/countries/br/"],
      ["فرنسا", 1, "/letters/open-data/countries/fr/"],
      ["كينيا", 1, "/letters/open-data/countries/ke/"],
      ["مصر", 1, "/letters/open-data/countries/eg/"],
    ]);
    expect(rows("/letters/open-data/es/").map(([name]) => name)).toEqual(["Brasil", "Egipto", "Francia", "Kenia"]);
  });

  it("marks who signed before the latest substantive revision and counts who signed the current text", () => {
    const en = page("/letters/open-data/");
    const marked = [...en.organisations, ...en.individuals].filter((s) => s.earlierVersion).map((s) => s.slug);
    expect(marked).toEqual(["kenya-budget", "zoe"]);
    expect([en.count, en.currentCount, en.earlierCount, en.revisedOn, en.revisedOnLabel]).toEqual([4, 2, 2, "2020-02-10", "February 10, 2020"]);
  });

  it("keeps updates and withdrawals, with no names", () => {
    const en = page("/letters/open-data/");
    expect(en.updates).toEqual([
      { id: "update_1", date: "2020-04-02", dateLabel: "April 2, 2020", title: "Letter delivered to the ministry", html: "<p>The letter was handed to the minister's office with <strong>all</strong> signatures.</p>\n" },
    ]);
    expect(en.withdrawals).toEqual([
      { date: "2020-02-20", dateLabel: "February 20, 2020", count: 1 },
      { date: "2020-03-20", dateLabel: "March 20, 2020", count: 2 },
    ]);
    expect(en.withdrawnCount).toBe(3);
  });

  it("closes a letter whose closing date has passed", () => {
    expect(page("/letters/past-letter/").isOpen).toBe(false);
  });
});
