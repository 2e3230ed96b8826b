import sharp from 'sharp';

/** Measured at a fixed working size so that the numbers compare across photos of any resolution. */
const WORK_SIDE = 512;

export interface ImageMetrics {
  /** Variance of the Laplacian of the grey image (0–255 scale): low = blurred. */
  sharpness: number;
  /** Mean luminance 0..1. */
  brightness: number;
  /** Fractions of pixels crushed to black / blown to white. */
  shadowClip: number;
  highlightClip: number;
  /** RMS contrast: standard deviation of luminance 0..1. */
  contrast: number;
  /** Hasler–Süsstrunk colourfulness M (0 = grey; ~33 moderately, > 60 highly colourful). */
  colourfulness: number;
  megapixels: number;
}

export async function measureImage(image: Buffer, width: number, height: number): Promise<ImageMetrics> {
  const { data, info } = await sharp(image)
    .resize({ width: WORK_SIDE, height: WORK_SIDE, fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const n = info.width * info.height;
  const grey = new Float32Array(n);
  let sumL = 0, sumL2 = 0, dark = 0, bright = 0;
  let sumRg = 0, sumRg2 = 0, sumYb = 0, sumYb2 = 0;
  for (let i = 0, p = 0; i < n; i++, p += info.channels) {
    const r = data[p], g = data[p + 1], b = data[p + 2];
    const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    grey[i] = l;
    sumL += l;
    sumL2 += l * l;
    if (l < 8) dark++;
    if (l > 247) bright++;
    const rg = r - g;
    const yb = 0.5 * (r + g) - b;
    sumRg += rg; sumRg2 += rg * rg; sumYb += yb; sumYb2 += yb * yb;
  }
  const meanL = sumL / n;
  const sdRg = Math.sqrt(Math.max(sumRg2 / n - (sumRg / n) ** 2, 0));
  const sdYb = Math.sqrt(Math.max(sumYb2 / n - (sumYb / n) ** 2, 0));
  return {
    sharpness: laplacianVariance(grey, info.width, info.height),
    brightness: meanL / 255,
    shadowClip: dark / n,
    highlightClip: bright / n,
    contrast: Math.sqrt(Math.max(sumL2 / n - meanL * meanL, 0)) / 255,
    colourfulness: Math.hypot(sdRg, sdYb) + 0.3 * Math.hypot(sumRg / n, sumYb / n),
    megapixels: (width * height) / 1e6,
  };
}

/** The 4-neighbour Laplacian over the interior pixels; its variance is the usual focus measure. */
function laplacianVariance(grey: Float32Array, width: number, height: number): number {
  let sum = 0, sum2 = 0, count = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap = grey[i - 1] + grey[i + 1] + grey[i - width] + grey[i + width] - 4 * grey[i];
      sum += lap;
      sum2 += lap * lap;
      count++;
    }
  }
  return count ? sum2 / count - (sum / count) ** 2 : 0;
}
