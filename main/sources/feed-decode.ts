import iconv from 'iconv-lite';

/**
 * The text of a downloaded feed, from its bytes. Real feeds get their encoding wrong in a few
 * typical ways, and each is read the way feed readers read it:
 * - a byte-order mark wins (UTF-8 and UTF-16 files saved by Windows editors);
 * - bytes that are valid UTF-8 with non-ASCII characters are UTF-8, whatever the XML declaration or
 *   the Content-Type says (a CMS that declares ISO-8859-1 but writes UTF-8);
 * - otherwise the XML declaration, then the Content-Type charset, name the encoding;
 * - bytes that are not valid UTF-8 and name no encoding (or wrongly claim UTF-8) are Windows-1252,
 *   which is what Latin-1 feeds really are.
 * iconv-lite decodes the single-byte encodings: Node 20's TextDecoder reads windows-1252 as
 * ISO-8859-1 (0x80–0x9F become control characters instead of – “ ” €).
 */
export function decodeFeed(bytes: Buffer, contentType: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf-16be');
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null && bytes.some((byte) => byte > 0x7f)) return utf8;
  const head = bytes.subarray(0, 200).toString('latin1');
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  if (declared && !/^utf-?8$/i.test(declared) && iconv.encodingExists(declared)) return iconv.decode(bytes, singleByteAsWindows(declared));
  return utf8 ?? iconv.decode(bytes, 'win1252');
}

/** Browsers read a declared ISO-8859-1 or US-ASCII as Windows-1252 (WHATWG Encoding); feeds written on Windows rely on it. */
function singleByteAsWindows(label: string): string {
  return /^(iso-?8859-1|latin-?1|us-ascii|ascii)$/i.test(label) ? 'win1252' : label;
}

function strictUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
