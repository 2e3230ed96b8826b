/**
 * trmnl-liquid's qr_code: a standalone SVG, black modules on white with a quiet zone of four
 * modules, `module_size` pixels each, class "qr-code", crisp edges (what rqrcode's as_svg writes).
 */
import QRCode from 'qrcode';

const QUIET_ZONE = 4;

export function qrCodeSvg(data: string, moduleSize: number, level: string): string {
  const errorCorrectionLevel = (['l', 'm', 'q', 'h'].includes(level.toLowerCase()) ? level.toLowerCase() : 'h').toUpperCase() as 'L' | 'M' | 'Q' | 'H';
  const { modules } = QRCode.create(data, { errorCorrectionLevel });
  const count = modules.size;
  const path: string[] = [];
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (modules.get(row, col)) path.push(`M${(col + QUIET_ZONE) * moduleSize} ${(row + QUIET_ZONE) * moduleSize}h${moduleSize}v${moduleSize}h-${moduleSize}z`);
    }
  }
  const side = (count + QUIET_ZONE * 2) * moduleSize;
  return `<?xml version="1.0" standalone="yes"?><svg xmlns="http://www.w3.org/2000/svg" version="1.1" class="qr-code" width="${side}" height="${side}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path d="${path.join('')}" fill="#000"/></svg>`;
}
