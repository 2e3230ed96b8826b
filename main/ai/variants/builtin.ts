import type { ArtStyle } from '../styles.ts';
import { BUILTIN_FILTERS } from './filters/index.ts';
import type { GeneratedVariant, VariantMaker, VariantRequest } from './types.ts';

/** The offline default: sharp-based filters for the catalogue styles that name one. */
export class BuiltinVariantMaker implements VariantMaker {
  readonly name = 'builtin';

  supports(style: ArtStyle): boolean {
    return style.builtinFilter !== null && style.builtinFilter in BUILTIN_FILTERS;
  }

  async make(request: VariantRequest): Promise<GeneratedVariant> {
    const filter = request.style.builtinFilter!;
    const data = await BUILTIN_FILTERS[filter](request.image);
    return { data, ext: 'png', context: { filter } };
  }
}
