/**
 * The bundled face in a worker (the label worker's canvas measures names). No asset import: the
 * page sends its files' URLs, and a worker bundle importing files.ts would emit copies of them.
 */
import { FONT_FAMILY, type FontFile } from './typography';

/**
 * Loads the face into a worker's own font set (`self.fonts`: a worker does not see the page's
 * `@font-face`), from the page's URLs (`FONT_FILES`, sent with the work: the same files, from
 * the HTTP cache). False when the worker has no font set or a file fails: its canvas would then
 * measure another font than the page draws.
 */
export async function loadFacesInWorker(
  scope: { fonts?: FontFaceSet },
  files: readonly FontFile[]
): Promise<boolean> {
  const set = scope.fonts;
  if (!set || typeof FontFace === 'undefined') return false;
  try {
    await Promise.all(
      files.map(async (file) => {
        const face = new FontFace(FONT_FAMILY, `url(${JSON.stringify(file.url)})`, {
          weight: file.weight
        });
        set.add(face);
        await face.load();
      })
    );
    return true;
  } catch {
    return false;
  }
}
