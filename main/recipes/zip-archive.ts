/**
 * Reading and writing recipe ZIPs with fflate. Reading refuses, before inflating anything,
 * entry names that climb out (`../`, absolute, drive letters) and archives whose declared sizes
 * exceed the limits (zip bombs); inflating into buffers of the declared size means an entry that
 * lies about its size cannot grow past it either, and its checksum (from the central directory,
 * which fflate does not check) then tells it was cut short.
 */
import { crc32 } from 'node:zlib';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { RecipeError, errorMessage } from './errors.ts';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const RECIPE_ZIP_LIMITS: ZipLimits = { maxEntries: 200, maxEntryBytes: 2 * 1024 * 1024, maxTotalBytes: 8 * 1024 * 1024 };

/** A relative, forward-slash path with no `..`, or null when the name is unsafe. */
export function safeEntryPath(name: string): string | null {
  const normalized = name.replace(/\\/g, '/');
  if (normalized.startsWith('/') || /^[a-zA-Z]:/.test(normalized) || normalized.includes('\0')) return null;
  const parts = normalized.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.some((part) => part === '..')) return null;
  return parts.join('/');
}

function isZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && (data[2] === 3 || data[2] === 5) && (data[3] === 4 || data[3] === 6);
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** Each entry's CRC-32 by name, from the central directory. */
function declaredChecksums(data: Uint8Array): Map<string, number> {
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let end = view.length - 22;
  while (end >= 0 && view.readUInt32LE(end) !== END_OF_DIRECTORY) end -= 1;
  if (end < 0) throw new RecipeError('invalid-archive', 'the ZIP archive has no central directory');
  const checksums = new Map<string, number>();
  let offset = view.readUInt32LE(end + 16);
  for (let index = view.readUInt16LE(end + 10); index > 0; index -= 1) {
    if (offset + 46 > view.length || view.readUInt32LE(offset) !== DIRECTORY_ENTRY) throw new RecipeError('invalid-archive', 'the ZIP archive has a damaged central directory');
    const nameLength = view.readUInt16LE(offset + 28);
    checksums.set(view.toString('utf8', offset + 46, offset + 46 + nameLength), view.readUInt32LE(offset + 16));
    offset += 46 + nameLength + view.readUInt16LE(offset + 30) + view.readUInt16LE(offset + 32);
  }
  return checksums;
}

/** The files of a ZIP (directories left out), by safe relative path. */
export function readZip(data: Uint8Array, limits: ZipLimits = RECIPE_ZIP_LIMITS): Map<string, Uint8Array> {
  if (!isZip(data)) throw new RecipeError('invalid-archive', 'the file is not a ZIP archive');
  let entries = 0;
  let total = 0;
  const declared = new Map<string, number>();
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(data, {
      filter(file) {
        if (file.name.endsWith('/')) return false;
        entries += 1;
        if (entries > limits.maxEntries) throw new RecipeError('too-large', `the archive has more than ${limits.maxEntries} files`);
        if (safeEntryPath(file.name) === null) throw new RecipeError('unsafe-path', `the archive holds an unsafe path "${file.name}"`);
        if (file.originalSize > limits.maxEntryBytes) throw new RecipeError('too-large', `"${file.name}" unpacks to ${file.originalSize} bytes, more than the ${limits.maxEntryBytes} allowed`);
        total += file.originalSize;
        if (total > limits.maxTotalBytes) throw new RecipeError('too-large', `the archive unpacks to more than ${limits.maxTotalBytes} bytes`);
        declared.set(file.name, file.originalSize);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof RecipeError) throw err;
    throw new RecipeError('invalid-archive', `the ZIP archive cannot be read: ${errorMessage(err)}`);
  }
  const checksums = declaredChecksums(data);
  const files = new Map<string, Uint8Array>();
  for (const [name, content] of Object.entries(unzipped)) {
    if (content.length !== declared.get(name) || crc32(content) !== checksums.get(name)) throw new RecipeError('invalid-archive', `"${name}" does not unpack to what the archive declares (damaged or altered)`);
    files.set(safeEntryPath(name)!, content);
  }
  return files;
}

/** A ZIP of the given files (text as UTF-8), with a fixed date so the same recipe gives the same bytes. */
export function writeZip(files: Map<string, string | Uint8Array>): Buffer {
  const zippable: Zippable = {};
  for (const [name, content] of files) zippable[name] = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return Buffer.from(zipSync(zippable, { level: 6, mtime: new Date('2025-01-01T00:00:00Z') }));
}
