import express, { type Request } from 'express';
import multer from 'multer';
import type { AdminTokens } from '../admin/admin-tokens.ts';
import type { AdminApi } from '../../contract/admin.ts';
import { ValidationError } from '../admin/errors.ts';
import { MAX_IMPORT_BYTES } from '../library/limits.ts';
import { requireAdminToken } from './admin-routes.ts';
import { HttpError } from './errors.ts';

/**
 * `POST /api/admin/photos`: the photos.upload operation over HTTP, one file per request (field
 * `photo`) so the browser can show progress per file. Mounted before the JSON admin routes.
 */
export function uploadRoutes(api: AdminApi, tokens: AdminTokens): express.Router {
  const router = express.Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 4 } });

  router.post('/photos', requireAdminToken(tokens), (req, res, next) => {
    upload.single('photo')(req, res, (err: unknown) => next(uploadError(err)));
  }, async (req: Request, res) => {
    if (!req.file) throw new HttpError(400, 'invalid_request', 'send the photo as multipart/form-data in the field "photo"');
    try {
      res.json(await api['photos.upload']({ name: req.file.originalname, data: req.file.buffer }));
    } catch (err) {
      if (err instanceof ValidationError) throw new HttpError(400, 'invalid_request', err.message);
      throw err;
    }
  });
  return router;
}

function uploadError(err: unknown): unknown {
  if (!(err instanceof multer.MulterError)) return err;
  if (err.code === 'LIMIT_FILE_SIZE') return new HttpError(413, 'body_too_large', `a photo can be at most ${MAX_IMPORT_BYTES / 1048576} MB`);
  return new HttpError(400, 'invalid_request', `upload: ${err.message}`);
}
