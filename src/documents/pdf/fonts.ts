/**
 * Tinos (Times New Roman metrics, every Vietnamese letter), read from the full TTF files of
 * @expo-google-fonts/tinos and embedded in each PDF. No system font is ever used.
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

let cache: ReadonlyMap<FontName, Buffer> | null = null;

/** The four TTF files, read once per process. */
export const fontFiles = (): ReadonlyMap<FontName, Buffer> => {
  cache ??= new Map(Object.entries(FILES).map(([name, file]) => [name as FontName, readFileSync(require.resolve(file))]));
  return cache;
};

export const fontFor = (bold: boolean, italic: boolean): FontName =>
  bold ? (italic ? FONT.boldItalic : FONT.bold) : italic ? FONT.italic : FONT.regular;
