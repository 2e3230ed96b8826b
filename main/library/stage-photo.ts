import fs from 'node:fs';
import path from 'node:path';
import { writeFlushedBeside } from '../core/atomic-file.ts';
import { preparePhoto, type InspectedImage, type PhotoInput } from './decode.ts';
import { contentFileName } from './hash.ts';

/** Where an import's files go, as absolute paths: the thumbnail's file, and the folder of the content-named variants. */
export interface PhotoTargets {
  thumb: string;
  variantsDir: string;
}

/** A file written and flushed under a temp name beside its target, for the server to rename into place. */
export interface StagedFile {
  target: string;
  temp: string;
}

export interface StagedPhoto {
  image: InspectedImage;
  thumb: StagedFile;
  /** The plain "photo" variant; its file is named by the hash of its bytes. */
  variant: StagedFile & { hash: string; fileName: string };
}

/**
 * preparePhoto, with the thumbnail and the plain variant written where the image process made
 * them, beside their targets: only their names go back to the server, not a megabyte of variant
 * per photo (copied through the IPC channel, those bytes cost the server a full garbage collection
 * every few photos of a folder import). The server renames them into place (FileBatch.place) and
 * removes them if it does not; a temp file left by a crash is removed by the library cleanup.
 */
export async function stagePhoto(input: PhotoInput, targets: PhotoTargets): Promise<StagedPhoto> {
  const { image, display, thumb } = await preparePhoto(input);
  const variant = contentFileName(display.data, display.ext);
  const variantTarget = path.join(targets.variantsDir, variant.fileName);
  await fs.promises.mkdir(targets.variantsDir, { recursive: true });
  await fs.promises.mkdir(path.dirname(targets.thumb), { recursive: true });
  const thumbTemp = await writeFlushedBeside(targets.thumb, thumb);
  let variantTemp: string;
  try {
    variantTemp = await writeFlushedBeside(variantTarget, display.data);
  } catch (error) {
    await fs.promises.rm(thumbTemp, { force: true });
    throw error;
  }
  return {
    image,
    thumb: { target: targets.thumb, temp: thumbTemp },
    variant: { target: variantTarget, temp: variantTemp, hash: variant.hash, fileName: variant.fileName },
  };
}
