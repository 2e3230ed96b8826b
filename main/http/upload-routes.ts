import fs from 'node:fs';
import express, { type Request, type RequestHandler } from 'express';
import multer from 'multer';
import type { AdminTokens } from '../admin/admin-tokens.ts';
import type { AdminResult } from '../../contract/admin.ts';
import { ValidationError } from '../admin/errors.ts';
import { MAX_IMPORT_BYTES } from '../library/limits.ts';
import { requireAdminToken } from './admin-routes.ts';
import { HttpError } from './errors.ts';

/** photos.upload from a file the upload was streamed to (admin/library-operations.ts `uploadPhotoFile`). */
export type ImportUploadedFile = (name: string, file: string) => Promise<AdminResult<'photos.upload'>>;

/**
 * `POST /api/admin/photos`: the photos.upload operation over HTTP, one file per request (field
 * `photo`) so the browser can show progress per file. Mounted before the JSON admin routes.
 * A body that is not a well-formed multipart/form-data upload is refused before anything is stored.
 * The photo is streamed to a temp file in `tempDir` (beside the library, so it is moved into it,
 * not copied) and the image process reads it from there: the server never holds a photo's bytes,
 * so a day of uploads leaves no allocator memory behind. The temp file is gone afterwards, whatever happened.
 */
export function uploadRoutes(importFile: ImportUploadedFile, tokens: AdminTokens, tempDir: string): express.Router {
  const router = express.Router();
  const upload = multer({ storage: multer.diskStorage({ destination: tempDir }), limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 4 } });

  router.post('/photos', requireAdminToken(tokens), requireFormData, (req, res, next) => {
    upload.single('photo')(req, res, (err: unknown) => next(err ? uploadError(err) : undefined));
  }, async (req: Request, res) => {
    if (!req.file) throw new HttpError(400, 'invalid_request', 'send the photo as multipart/form-data in the field "photo"');
    let result: AdminResult<'photos.upload'>;
    try {
      result = await importFile(req.file.originalname, req.file.path);
    } catch (err) {
      if (err instanceof ValidationError) throw new HttpError(400, 'invalid_request', err.message);
      throw err;
    } finally {
      // Moved into the library unless refused or a duplicate; gone before the answer, either way.
      await fs.promises.rm(req.file.path, { force: true });
    }
    res.json(result);
  });
  return router;
}

/** multer hands anything multipart to a parser that only knows form-data, and fails without a boundary. */
const requireFormData: RequestHandler = (req, _res, next) => {
  const type = req.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*(;|$)/i.test(type)) {
    return next(new HttpError(415, 'unsupported_media_type', `send the photo as multipart/form-data, not ${type.split(';')[0].trim().slice(0, 60) || 'a body without a Content-Type'}`));
  }
  if (!/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(type)) return next(new HttpError(400, 'malformed_upload', 'the multipart/form-data Content-Type has no boundary'));
  next();
};

/** Limits have their own codes; anything else the multipart parser stops at is a malformed body ("Unexpected end of form"). */
function uploadError(err: unknown): HttpError {
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') return new HttpError(413, 'body_too_large', `a photo can be at most ${MAX_IMPORT_BYTES / 1048576} MB`);
    return new HttpError(400, 'invalid_request', `upload: ${err.message}`);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new HttpError(400, 'malformed_upload', `the upload is not a complete multipart/form-data body: ${message}`);
}
