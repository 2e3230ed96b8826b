import { z } from 'zod';
import type { JobKind } from '../../jobs/types.ts';
import { orientationOf } from '../orientation.ts';
import { readSourceImage } from '../source-image.ts';

const params = z.object({
  max_num_to_classify: z.coerce.number().int().min(1).max(100_000).default(10),
});
export type ClassifyParams = z.infer<typeof params>;

/** `classify`: fills quality, content type, orientation, people count and description of photos not classified yet, newest first. */
export function createClassifyJob(options: { timeoutMs?: number } = {}): JobKind<ClassifyParams> {
  return {
    kind: 'classify',
    description: 'Classify new photos: quality, subject, orientation, people, description (built-in analyser or an AI provider)',
    params,
    defaultJob: { name: 'classify', cron: '*/5 * * * *', enabled: true },
    async run({ params, app, log, progress, signal }) {
      const photos = await app.photos.unclassified(params.max_num_to_classify);
      if (photos.length === 0) return { status: 'skipped', summary: 'no unclassified photos' };
      // The analysers pull in libvips (~30 MB); an idle server with nothing to classify never loads them.
      const { createClassifier, DEFAULT_CLASSIFY_TIMEOUT_MS } = await import('../../ai/classify/index.ts');
      const classifier = await createClassifier(app, options.timeoutMs ?? DEFAULT_CLASSIFY_TIMEOUT_MS);
      log.info(`classifying ${photos.length} photo(s) with ${classifier.name}`);
      let done = 0;
      const failures: string[] = [];
      for (const photo of photos) {
        if (signal.aborted) break;
        try {
          const result = await classifier.classify({ image: await readSourceImage(app, photo), width: photo.width, height: photo.height }, signal);
          await app.photos.saveClassification(photo.id, {
            quality: result.quality,
            contentType: result.contentType,
            orientation: orientationOf(photo.width, photo.height),
            peopleCount: result.peopleCount,
            description: result.description,
            classifiedAt: app.now(),
            classifier: classifier.name,
          });
          log.info(`photo ${photo.id} (${photo.originalName}): ${result.quality}, ${result.contentType}`, { photoId: photo.id });
        } catch (error) {
          if (signal.aborted) break;
          const message = (error as Error).message;
          failures.push(message);
          log.error(`photo ${photo.id} (${photo.originalName}) not classified: ${message}`, { photoId: photo.id });
        }
        progress(++done, photos.length);
      }
      const classified = done - failures.length;
      if (classified === 0 && failures.length > 0) throw new Error(`no photo could be classified; first error: ${failures[0]}`);
      return { summary: `classified ${classified} of ${photos.length} photo(s)${failures.length ? `, ${failures.length} failed` : ''}` };
    },
  };
}

export const classifyJob = createClassifyJob();
