// Plain JS with JSDoc types (checked by tsc): see pwa-config.js for why.
/** @import { HtmlTagDescriptor, Plugin } from 'vite' */

/**
 * The <head> every device app needs, injected into its index.html so the title, description
 * and theme colour come from the same values as the web manifest instead of a second copy.
 * Runs `pre` so Vite then treats the icon links like hand-written ones: `/icon.svg` is a file
 * in the app's public/ and gets the base path (`/kiosk/icon.svg`), in dev and in the build.
 *
 * @param {{ title: string, description: string, themeColor: string }} head
 * @returns {Plugin}
 */
export function deviceHead({ title, description, themeColor }) {
  /** @type {HtmlTagDescriptor[]} */
  const tags = [
    { tag: 'meta', attrs: { charset: 'UTF-8' } },
    // A touch screen in a shop: no pinch zoom, and use the whole panel (notches included).
    { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no, viewport-fit=cover' } },
    { tag: 'meta', attrs: { name: 'theme-color', content: themeColor } },
    { tag: 'meta', attrs: { name: 'description', content: description } },
    { tag: 'link', attrs: { rel: 'icon', href: '/icon.svg', type: 'image/svg+xml' } },
    { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/icon-192.png' } },
    // Children are not escaped (attributes are); the titles are our own fixed strings.
    { tag: 'title', children: title },
  ];
  return {
    name: 'vitrina-device-head',
    transformIndexHtml: { order: 'pre', handler: () => tags },
  };
}
