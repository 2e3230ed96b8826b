import { z } from 'zod';
import { isCatalogueStyle, listArtStyles, loadCatalogue } from '../../ai/styles.ts';
import type { JobKind } from '../../jobs/types.ts';
import { readSourceImage } from '../source-image.ts';
import { planVariants } from '../variant-plan.ts';
import { addVariant } from '../add-variant.ts';

const params = z.object({
  max_amount: z.coerce.number().int().min(1).max(1000).default(5),
  art_style_override: z.string().trim().optional()
    .transform((v) => v || undefined)
    .superRefine((v, ctx) => {
      if (v !== undefined && !isCatalogueStyle(v)) {
        ctx.addIssue({ code: 'custom', message: `unknown art style "${v}"; the catalogue has ${loadCatalogue().map((s) => s.name).join(', ')}` });
      }
    }),
});
export type GenerateVariantsParams = z.infer<typeof params>;

/** `generate_variants`: makes art variants of well-scored photos in styles suited to them. */
export function createGenerateVariantsJob(options: { timeoutMs?: number; rng?: () => number } = {}): JobKind<GenerateVariantsParams> {
  return {
    kind: 'generate_variants',
    description: 'Make art variants of photos in catalogue styles (built-in filters or an AI image service)',
    params,
    defaultJob: { name: 'generate_variants', cron: '0 3 * * *', enabled: true },
    async run({ params, app, log, progress, signal }) {
      // Loaded when a run needs it: the filters pull in libvips (~30 MB), which an idle server does without.
      const { createVariantMaker, DEFAULT_VARIANT_TIMEOUT_MS } = await import('../../ai/variants/index.ts');
      const maker = await createVariantMaker(app, options.timeoutMs ?? DEFAULT_VARIANT_TIMEOUT_MS);
      const catalogue = await listArtStyles(app);
      const styles = catalogue.filter((s) => maker.supports(s));
      const override = catalogue.find((s) => s.name === params.art_style_override);
      if (override && !maker.supports(override)) {
        throw new Error(`the ${maker.name} provider cannot render "${override.name}"; styles it can: ${styles.map((s) => s.name).join(', ')}`);
      }
      const plan = await planVariants(app, styles, params.max_amount, override, options.rng);
      if (plan.length === 0) return { status: 'skipped', summary: 'no photo needs a new variant' };
      log.info(`making ${plan.length} variant(s) with ${maker.name}`);
      let made = 0;
      const failures: string[] = [];
      for (const [i, { photo, style }] of plan.entries()) {
        if (signal.aborted) break;
        try {
          const image = await readSourceImage(app, photo);
          const result = await maker.make({ image, width: photo.width, height: photo.height, style }, signal);
          const variant = await addVariant(app, { photoId: photo.id, style: style.name, data: result.data, ext: result.ext, provider: maker.name, context: { provider: maker.name, ...result.context } });
          made++;
          log.info(`photo ${photo.id} (${photo.originalName}): ${style.name} variant ${variant.id}`, { photoId: photo.id, variantId: variant.id });
        } catch (error) {
          if (signal.aborted) break;
          failures.push((error as Error).message);
          log.error(`photo ${photo.id} (${photo.originalName}): ${style.name} variant failed: ${(error as Error).message}`, { photoId: photo.id, style: style.name });
        }
        progress(i + 1, plan.length);
      }
      if (made === 0 && failures.length > 0) throw new Error(`no variant could be made; first error: ${failures[0]}`);
      return { summary: `made ${made} variant(s)${failures.length ? `, ${failures.length} failed` : ''}` };
    },
  };
}

export const generateVariantsJob = createGenerateVariantsJob();
