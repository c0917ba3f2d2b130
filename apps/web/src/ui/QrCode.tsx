import { create } from 'qrcode';
import { useMemo } from 'react';

/**
 * A QR code drawn as SVG in the browser: the otpauth:// URI (which holds the second-factor secret)
 * never leaves the page, and no image URL or inline markup is needed (CSP stays strict).
 */
export function QrCode({ value, label, size = 220 }: { value: string; label: string; size?: number }) {
  const { path, cells } = useMemo(() => {
    const modules = create(value, { errorCorrectionLevel: 'M' }).modules;
    const quiet = 4;
    let d = '';
    for (let row = 0; row < modules.size; row += 1) {
      for (let column = 0; column < modules.size; column += 1) {
        if (modules.get(row, column)) d += `M${column + quiet} ${row + quiet}h1v1h-1z`;
      }
    }
    return { path: d, cells: modules.size + quiet * 2 };
  }, [value]);
  return (
    <svg className="qr-code" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${cells} ${cells}`} shapeRendering="crispEdges">
      <rect width={cells} height={cells} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
