import { runImageTask } from '../../imaging/pool.ts';
import type { ArtStyle } from '../styles.ts';
import { isBuiltinFilter } from './filters/names.ts';
import type { GeneratedVariant, VariantMaker, VariantRequest } from './types.ts';

/** The offline default: sharp-based filters (run in an image process) for the catalogue styles that name one. */
export class BuiltinVariantMaker implements VariantMaker {
  readonly name = 'builtin';

  supports(style: ArtStyle): boolean {
    return style.builtinFilter !== null && isBuiltinFilter(style.builtinFilter);
  }

  async make(request: VariantRequest): Promise<GeneratedVariant> {
    const filter = request.style.builtinFilter;
    if (filter === null || !isBuiltinFilter(filter)) throw new Error(`the style "${request.style.name}" names no built-in filter`);
    const data = await runImageTask('builtinFilter', filter, request.image);
    return { data, ext: 'png', context: { filter } };
  }
}
