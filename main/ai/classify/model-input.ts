import sharp from 'sharp';

/** Vision models look at about 1 megapixel at most; a smaller JPEG keeps requests quick and cheap. */
const MODEL_SIDE = 1024;

export async function imageForModel(image: Buffer): Promise<string> {
  const jpeg = await sharp(image).resize({ width: MODEL_SIDE, height: MODEL_SIDE, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 85 }).toBuffer();
  return jpeg.toString('base64');
}
