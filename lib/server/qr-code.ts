import 'server-only';
import QRCode from 'qrcode';

/**
 * A QR code for a link, drawn as SVG on the server and handed to the page
 * as a data: URL for an <img> (the Content-Security-Policy allows data:
 * images; nothing is put into the page as markup). Medium error correction
 * and a quiet zone of four modules, so a phone reads it off a projector.
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
