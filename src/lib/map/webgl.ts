/**
 * WebGL probe, run before MapLibre is downloaded: on the remote desktops and locked-down PCs of
 * many administrations WebGL is off, and MapLibre would only show an English error.
 */

/** True when a WebGL 2 or WebGL 1 context can be created (browser only). */
export function hasWebGL(doc: Document = document): boolean {
  try {
    const canvas = doc.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** What the user is told when an action needs WebGL. */
export const NO_WEBGL_MESSAGE =
  'Cette fonction demande WebGL, indisponible sur ce poste : la carte simplifiée reste affichée.';
