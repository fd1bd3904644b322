/**
 * Tinos (Times New Roman metrics, every Vietnamese letter), read from the full TTF files of
 * @expo-google-fonts/tinos and embedded (subset) in each PDF. No system font is ever used.
 *
 * The TTF files are parsed once per process with the fontkit that pdfkit itself depends on; pdfkit accepts such a
 * parsed font in place of the file and makes its own subset per document. Parsing per document cost about half
 * of the time of a 300-name document.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const FONT = {
  regular: 'Tinos',
  bold: 'Tinos-Bold',
  italic: 'Tinos-Italic',
  boldItalic: 'Tinos-BoldItalic',
} as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

const FILES: Readonly<Record<FontName, string>> = {
  Tinos: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  'Tinos-Bold': '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  'Tinos-Italic': '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  'Tinos-BoldItalic': '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

/** What pdfkit needs of a parsed font (it checks for `layout`). fontkit ships no types. */
export interface ParsedFont {
  readonly layout: (text: string) => unknown;
}

interface Fontkit {
  readonly create: (data: Uint8Array) => ParsedFont;
}

/** The fontkit that pdfkit resolves, so that the parsed fonts are of the version pdfkit expects. */
const fontkit = (): Fontkit => createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;

let files: ReadonlyMap<FontName, Buffer> | null = null;
let parsed: ReadonlyMap<FontName, ParsedFont> | null = null;

/** The four TTF files, read once per process. */
export const fontFiles = (): ReadonlyMap<FontName, Buffer> => {
  files ??= new Map(Object.entries(FILES).map(([name, file]) => [name as FontName, readFileSync(require.resolve(file))]));
  return files;
};

/**
 * The four fonts for one document: views of fonts parsed once per process, sharing the decoded tables, each with
 * its own glyph cache. fontkit fixes a glyph's code points when it first creates it, and the subset of a
 * previous document creates the components of composed letters ("ỷ" = "y" + hook) with none, after which the
 * text of the next document would not extract ("Đảng ủ"). A fresh glyph cache per document avoids that.
 */
export const documentFonts = (): ReadonlyMap<FontName, ParsedFont> => {
  if (parsed === null) {
    const { create } = fontkit();
    parsed = new Map([...fontFiles()].map(([name, data]) => [name, create(data)]));
  }
  return new Map([...parsed].map(([name, font]) => [name, Object.create(font, { _glyphs: { value: {}, writable: true } }) as ParsedFont]));
};

export const fontFor = (bold: boolean, italic: boolean): FontName =>
  bold ? (italic ? FONT.boldItalic : FONT.bold) : italic ? FONT.italic : FONT.regular;
