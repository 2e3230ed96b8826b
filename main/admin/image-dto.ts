import type { ImageDto } from '../../contract/dtos.ts';

/** The one shape pictures take in the admin contract. */
export function imageDto(mime: string, data: Buffer, size?: { width: number; height: number }): ImageDto {
  return { mime, dataBase64: data.toString('base64'), ...(size ? { width: size.width, height: size.height } : {}) };
}
