/**
 * The bundled face where the page's stylesheet does not reach: a canvas (which draws in a face
 * only once loaded), and an SVG drawn as an image (the PNG export). Page code only; the label
 * worker's side is worker.ts.
 */
import { FONT_FILES } from './files';
import { FONT_FAMILY, fontFaceRules } from './typography';

/**
 * Resolves once the page's face is loaded, regular and bold (a canvas draws in a face only once
 * it has loaded, else in a fallback).
 */
export async function pageFacesReady(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  try {
    await Promise.all(
      ['400', '700'].map((weight) => document.fonts.load(`${weight} 16px '${FONT_FAMILY}'`))
    );
  } catch {
    // The fallback fonts draw instead.
  }
}

/**
 * `@font-face` rules with the files inlined as data: URLs, for an SVG drawn as an image (it
 * loads nothing from outside). Empty if a file cannot be read: the image then uses a fallback.
 */
export async function inlineFaceRules(): Promise<string> {
  try {
    const files = await Promise.all(
      FONT_FILES.map(async (file) => {
        const res = await fetch(file.url);
        if (!res.ok) throw new Error(file.url);
        const bytes = new Uint8Array(await res.arrayBuffer());
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000)
          binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return { weight: file.weight, url: `data:font/woff2;base64,${btoa(binary)}` };
      })
    );
    return fontFaceRules(files);
  } catch {
    return '';
  }
}
