import { fileTypeFromBuffer } from 'file-type';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';

const DATA_URL = /^data:(image\/(?:png|webp|jpeg));base64,([A-Za-z0-9+/]+={0,2})$/;
const ALLOWED = new Set(['image/png', 'image/webp', 'image/jpeg']);

/**
 * Decodes a device's screenshot data URL and checks it: a PNG, WebP or JPEG whose bytes are what
 * the URL says (checked by content with file-type, not by the declared type), within `maxBytes`.
 */
export async function decodeScreenshot(dataUrl: string, maxBytes: number): Promise<{ mime: string; bytes: Buffer }> {
  const m = DATA_URL.exec(dataUrl);
  if (!m) throw new VitrinaError('VITRINA_ERR_SCREENSHOT_INVALID', 'The screenshot must be a base64 data URL of a PNG, WebP or JPEG image.');
  const bytes = Buffer.from(m[2]!, 'base64');
  if (bytes.length === 0) throw new VitrinaError('VITRINA_ERR_SCREENSHOT_INVALID', 'The screenshot is empty.');
  if (bytes.length > maxBytes) throw new VitrinaError('VITRINA_ERR_SCREENSHOT_INVALID', `The screenshot is ${bytes.length} bytes; the limit is ${maxBytes}.`);
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !ALLOWED.has(type.mime) || type.mime !== m[1]) {
    throw new VitrinaError('VITRINA_ERR_SCREENSHOT_INVALID', `The screenshot says ${m[1]} but its bytes are ${type?.mime ?? 'not an image'}.`);
  }
  return { mime: type.mime, bytes };
}
