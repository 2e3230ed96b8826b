import { fileURLToPath } from 'node:url';

/**
 * The quality image set (test/fixtures/imaging/quality/README.md): the sample photos plus the
 * generated ramps, skin tones, primaries, sky, pastels, and low-key and high-key versions of photos.
 */
const PHOTOS = fileURLToPath(new URL('../../fixtures/photos/', import.meta.url));
const GENERATED = fileURLToPath(new URL('../../fixtures/imaging/quality/', import.meta.url));

export const QUALITY_IMAGES: readonly { name: string; path: string }[] = [
  ...['inky-7.3-beachanchors.jpg', 'inky-7.3-redchain.jpg', 'inky-7.3-ships.jpg', 'inky-4.0-roundship.jpg'].map((name) => ({ name, path: PHOTOS + name })),
  ...[
    'grey-ramp.png', 'colour-ramps.png', 'skin-tones.png', 'primaries.png', 'sky.png', 'pastels.png',
    'low-key-anchors.jpg', 'low-key-redchain.jpg', 'high-key-anchors.jpg', 'high-key-roundship.jpg',
  ].map((name) => ({ name, path: GENERATED + name })),
];

/** The panels the quality test and benchmark hold to Pillow: 7-colour, Spectra 6, black/white. */
export const QUALITY_PROFILES = ['inky-impression-7.3', 'spectra6-13.3', 'waveshare-7.5-v2'] as const;

export const PILLOW_REFERENCE = GENERATED + 'pillow-reference.json';
