/** The one way a picture that came over the admin API as base64 becomes an `<img src>`. */
export function dataUrl(mime: string, base64: string): string {
  return `data:${mime};base64,${base64}`;
}
