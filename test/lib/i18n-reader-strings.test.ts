// The interface strings the reader's pages added for closed letters, pages of a scope and the 404 page
// exist in every language, and Spanish and Portuguese each address the reader in one way: Spanish
// with "tú", Portuguese in its Brazilian form.
import { describe, expect, it } from "vitest";
import { availableLanguages, stringsFor } from "../../scripts/lib/i18n.ts";

const NEW_KEYS = [
  "living_document_closed",
  ...["global", "international", "regional"].flatMap((scope) => [`place_page_title_${scope}`, `place_page_intro_${scope}`]),
  ...["title", "text", "letters", "letters_link", "search", "search_link"].map((part) => `not_found_${part}`),
];

describe("the strings of closed letters, scope pages and the 404 page", () => {
  it.each(availableLanguages())("are all in i18n/%s.yaml", (lang) => {
    expect(NEW_KEYS.filter((key) => stringsFor(lang)[key] === undefined)).toEqual([]);
  });
});

describe("one form of address in each language", () => {
  it.each([
    // Spanish: "usted" forms (imperatives and "su") where the rest of the site says "tú".
    ["es", /\b(?:usted|su sitio|Busque|Copie|Imprima|guárdela|Haga|Escriba|Pida)\b/],
    // Portuguese: European words and forms where the rest of the site is Brazilian.
    ["pt", /\bpartilh|\baceites\b|\brevisto\b|\bficheiro|\becrã|\bJá não |\bao texto\b|\bestá a\b/],
  ])("no string of i18n/%s.yaml uses the other form", (lang, other) => {
    expect(Object.entries(stringsFor(lang)).filter(([, value]) => other.test(value))).toEqual([]);
  });

  it.each([
    ["es", "badge_heading", "Una insignia para tu sitio web"],
    ["es", "badge_intro", "Copia este código para mostrar la cifra en tu propia página:"],
    ["es", "print_intro", "Imprime esta página o guárdala como PDF; contiene la carta y todos los firmantes."],
    ["es", "search_intro", "Busca en las cartas y entre todas las personas y organizaciones que las firmaron."],
    ["pt", "downloads_heading", "Baixar e compartilhar"],
    ["pt", "share_card", "Imagem para compartilhar (SVG)"],
    ["pt", "closed_notice", "Esta carta foi encerrada em {date}. As assinaturas não são mais aceitas."],
    ["pt", "changes_heading", "Alterações no texto"],
    ["pt", "current_text_count_other", "{count} assinaram o texto atual, revisado em {date}."],
  ])("i18n/%s.yaml: %s is %j", (lang, key, expected) => {
    expect(stringsFor(lang)[key]).toBe(expected);
  });
});
