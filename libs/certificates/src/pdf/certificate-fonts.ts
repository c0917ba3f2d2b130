import { dirname, join } from 'node:path';

/** Noto Sans (OFL) from an npm package: Latin, Greek and Cyrillic, every letter of NL, FR, DE and EN; never the machine's fonts. */
const FONT_DIR = dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));

/** The two faces a certificate is printed in. */
export const CERTIFICATE_FONT_FILES = {
  regular: join(FONT_DIR, '400Regular', 'NotoSans_400Regular.ttf'),
  bold: join(FONT_DIR, '700Bold', 'NotoSans_700Bold.ttf'),
} as const;
