/**
 * A polled answer as TRMNL hands it to Liquid: JSON (floats kept as floats), XML parsed the way
 * Rails' Hash.from_xml shapes it (attributes as keys, text beside them as `__content__`), anything
 * else as text.
 */
import { XMLParser } from 'fast-xml-parser';
import { RecipeError } from '../errors.ts';
import { parseRubyJson } from '../ruby-json.ts';
import type { DataResponse } from './limited-fetch.ts';

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  textNodeName: '__content__',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

function looksLikeXml(contentType: string, text: string): boolean {
  if (/[/+]xml\b/i.test(contentType)) return true;
  return /^\s*<(\?xml|rss|feed|[a-zA-Z][\w:-]*[\s>])/.test(text) && !/^\s*<(!doctype\s+html|html)/i.test(text);
}

export function parseResponseBody(response: Pick<DataResponse, 'contentType' | 'body' | 'url'>): unknown {
  const { contentType, body, url } = response;
  if (/json/i.test(contentType) || looksLikeJson(body)) {
    try {
      return parseRubyJson(body);
    } catch (err) {
      if (/json/i.test(contentType)) throw new RecipeError('invalid-data', `${url} sent JSON that does not parse: ${(err as Error).message}`);
      return body;
    }
  }
  if (looksLikeXml(contentType, body)) {
    try {
      return xmlParser.parse(body, true);
    } catch (err) {
      throw new RecipeError('invalid-data', `${url} sent XML that does not parse: ${(err as Error).message}`);
    }
  }
  return body;
}
