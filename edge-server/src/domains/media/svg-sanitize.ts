import type { DOMPurify } from 'dompurify';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';

/** Elements that run code or pull in another document: their presence refuses the file. */
const ACTIVE_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener']);
const LINK_ATTRIBUTES = new Set(['href', 'xlink:href', 'src']);
/** An embedded raster image is fine (it is inside the file); any other URL is an external reference. */
const SAFE_LINK = /^(#|data:image\/(png|jpeg|webp|gif);base64,)/i;
const EXTERNAL_IN_CSS = /@import|url\(\s*['"]?(?!#|data:image\/)/i;

let findings: string[] | null = null;
let purifier: Promise<DOMPurify> | null = null;

/** DOMPurify on a jsdom window, loaded on the first SVG (jsdom is heavy to load; a server start need not wait for it). */
function purify(): Promise<DOMPurify> {
  purifier ??= build();
  return purifier;
}

/** Loads the sanitizer ahead of the first SVG (compose.ts calls it on a real start, not in tests). */
export function preloadSvgSanitizer(): void {
  purify().catch(() => {
    purifier = null; // tried again on the first SVG
  });
}

async function build(): Promise<DOMPurify> {
  const [{ JSDOM }, { default: createDOMPurify }] = await Promise.all([import('jsdom'), import('dompurify')]);
  const { window } = new JSDOM('');
  const p = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  p.addHook('uponSanitizeElement', (node, data) => {
    const tag = data.tagName.toLowerCase();
    if (ACTIVE_ELEMENTS.has(tag)) findings?.push(`<${tag}> element`);
    if (tag === 'style' && EXTERNAL_IN_CSS.test(node.textContent ?? '')) findings?.push('external reference in <style>');
  });
  p.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase();
    if (name.startsWith('on')) findings?.push(`${name} event handler`);
    else if (LINK_ATTRIBUTES.has(name) && !SAFE_LINK.test(data.attrValue.trim())) findings?.push(`external reference in ${name}`);
    else if (name === 'style' && EXTERNAL_IN_CSS.test(data.attrValue)) findings?.push('external reference in a style attribute');
  });
  return p;
}

export interface CleanSvg {
  text: string;
  width: number | null;
  height: number | null;
}

/**
 * The SVG policy: an SVG that can run script (script elements, event handlers, foreignObject)
 * or reaches outside itself (links, external images, CSS @import/url()) is refused with
 * VITRINA_ERR_MEDIA_UNSAFE and the reasons: staff re-export it rather than getting a silently
 * different picture. Anything else is passed through DOMPurify's SVG profile (comments,
 * metadata and editor attributes dropped) and stored as cleaned.
 */
export async function sanitizeSvg(source: string): Promise<CleanSvg> {
  const p = await purify();
  const found: string[] = [];
  findings = found;
  let fragment: DocumentFragment;
  try {
    fragment = p.sanitize(source, { USE_PROFILES: { svg: true, svgFilters: true }, RETURN_DOM_FRAGMENT: true }) as unknown as DocumentFragment;
  } finally {
    findings = null;
  }
  if (found.length > 0) throw new VitrinaError('VITRINA_ERR_MEDIA_UNSAFE', `The SVG was refused: ${[...new Set(found)].join(', ')}.`);
  const svg = fragment.querySelector('svg');
  if (!svg) throw new VitrinaError('VITRINA_ERR_MEDIA_UNREADABLE', 'The file has no <svg> element.');
  // A standalone .svg file needs its namespaces (the HTML parser DOMPurify uses does not write them).
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  if (svg.outerHTML.includes('xlink:')) svg.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  const viewBox = (svg.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  const size = (attr: string, fromViewBox: number | undefined) => {
    const v = Number.parseFloat(svg.getAttribute(attr) ?? '');
    if (Number.isFinite(v) && v > 0 && !/%$/.test(svg.getAttribute(attr) ?? '')) return Math.round(v);
    return viewBox.length === 4 && fromViewBox !== undefined && Number.isFinite(fromViewBox) && fromViewBox > 0 ? Math.round(fromViewBox) : null;
  };
  return { text: svg.outerHTML, width: size('width', viewBox[2]), height: size('height', viewBox[3]) };
}
