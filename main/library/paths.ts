import path from 'node:path';

/** Where the library keeps its files, relative to the data dir (the database stores these relative paths). */
export const LIBRARY_DIRS = {
  originals: path.join('photos', 'originals'),
  thumbs: path.join('photos', 'thumbs'),
  variants: path.join('photos', 'variants'),
} as const;

export type LibraryDir = keyof typeof LIBRARY_DIRS;

export function libraryPath(dir: LibraryDir, fileName: string): string {
  return path.join(LIBRARY_DIRS[dir], fileName);
}

/** The absolute path of a stored relative path; refuses anything that would leave the data dir. */
export function absoluteLibraryPath(dataDir: string, relative: string): string {
  const root = path.resolve(dataDir);
  const full = path.resolve(root, relative);
  if (!full.startsWith(root + path.sep)) throw new Error(`stored path leaves the data dir: ${relative}`);
  return full;
}

/** Where uploads are streamed before they are imported: inside the library's folder, so an import moves the file instead of copying it. */
export const UPLOAD_TEMP_DIR = path.join('photos', '.uploads');

export function uploadTempDir(dataDir: string): string {
  return path.join(dataDir, UPLOAD_TEMP_DIR);
}
