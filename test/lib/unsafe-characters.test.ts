import { describe, expect, it } from "vitest";
import { describeUnsafeCharacter, findEmailAddress, findUnsafeCharacter } from "../../scripts/lib/unsafe-characters.ts";

describe("findUnsafeCharacter", () => {
  it.each([
    ["plain Latin", "Asociación Colombiana"],
    ["Arabic", "مؤسسة حرية الفكر والتعبير"],
    ["Persian with a zero-width non-joiner", "می\u200Cخواهم"],
    ["Devanagari with a zero-width joiner", "क्\u200Dष"],
    ["an emoji ZWJ sequence", "Family 👩\u200D👩\u200D👧"],
    ["an emoji with presentation selector", "Love ❤\uFE0F"],
    ["CJK", "情報通信政策フォーラム"],
    ["eight combining marks on one letter", "a\u0301\u0300\u0302\u0303\u0304\u0306\u0307\u0308"],
    ["Vietnamese written decomposed", "Vie\u0323\u0302t Nam"],
  ])("accepts %s", (_what, value) => {
    expect(findUnsafeCharacter(value)).toBeUndefined();
  });

  const unsafe: [string, string, { kind: string; codePoint: number; position: number }][] = [
    ["a right-to-left override", "ACME\u202E", { kind: "bidi", codePoint: 0x202e, position: 4 }],
    ["a left-to-right mark", "\u200EACME", { kind: "bidi", codePoint: 0x200e, position: 0 }],
    ["an isolate", "A\u2066B", { kind: "bidi", codePoint: 0x2066, position: 1 }],
    ["a zero-width space", "AC\u200BME", { kind: "invisible", codePoint: 0x200b, position: 2 }],
    ["a zero-width joiner between Latin letters", "AC\u200DME", { kind: "invisible", codePoint: 0x200d, position: 2 }],
    ["a byte-order mark inside text", "A\uFEFFB", { kind: "invisible", codePoint: 0xfeff, position: 1 }],
    ["a soft hyphen", "AC\u00ADME", { kind: "invisible", codePoint: 0xad, position: 2 }],
    ["a tag character", "A\u{E0041}", { kind: "invisible", codePoint: 0xe0041, position: 1 }],
    ["a NUL", "A\u0000", { kind: "control", codePoint: 0, position: 1 }],
    ["a newline", "A\nB", { kind: "control", codePoint: 10, position: 1 }],
    ["an escape", "\u001b[31mA", { kind: "control", codePoint: 0x1b, position: 0 }],
    ["a line separator", "A\u2028B", { kind: "control", codePoint: 0x2028, position: 1 }],
    ["a replacement character", "Caf\uFFFD", { kind: "control", codePoint: 0xfffd, position: 3 }],
    ["nine combining marks on one letter", "Za\u0301\u0300\u0302\u0303\u0304\u0306\u0307\u0308\u030A", { kind: "stacked", codePoint: 0x30a, position: 10 }],
  ];

  it.each(unsafe)("finds %s", (_what, value, expected) => {
    expect(findUnsafeCharacter(value)).toEqual(expected);
  });

  it.each(unsafe)("finds %s in a name that is not plain ASCII", (_what, value, expected) => {
    expect(findUnsafeCharacter(`Жанна ${value} कमला`)).toEqual({ ...expected, position: expected.position + 6 });
  });
});

describe("describeUnsafeCharacter", () => {
  it("explains stacked marks without naming one character", () => {
    expect(describeUnsafeCharacter({ kind: "stacked", codePoint: 0x30a, position: 10 })).toBe(
      "stacks more than 8 accents or other combining marks on one letter at character 11, which draws over the text around it; keep only the marks the name needs",
    );
  });
});

describe("findEmailAddress", () => {
  it.each([
    ["name: A\n# mail jane.doe@example.org\n", 15],
    ["url: https://example.org/\nnote: mailto:x@y.org\n", 39],
    ["name: A\n", undefined],
    ["name: Жанна\nurl: https://example.org/\n", undefined],
    ["name: Жанна\n# jo@example.org\n", 14],
    ["url: https://good.org@evil.example\n", undefined],
    ["url: https://acme.org/contact/jo@acme.org\n", 30],
    ["url: https://acme.org/?mail=a@b.org\n", 28],
  ])("in %j", (text, expected) => {
    expect(findEmailAddress(text)).toBe(expected);
  });
});
