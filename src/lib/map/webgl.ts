/**
 * WebGL probe, run before MapLibre is downloaded: on the remote desktops and locked-down PCs of
 * many administrations WebGL is off, and MapLibre would only show an English error.
 */

/**
 * True when a WebGL 2 context can be created (browser only). WebGL 1 does not count: MapLibre 6
 * needs WebGL 2, and on a WebGL 1 machine it would fail with its English error.
 */
export function hasWebGL(doc: Document = document): boolean {
  try {
    return doc.createElement('canvas').getContext('webgl2') !== null;
  } catch {
    return false;
  }
}

/** What the user is told when an action needs WebGL. */
export const NO_WEBGL_MESSAGE =
  'Cette fonction demande WebGL, indisponible sur ce poste : la carte simplifiée reste affichée.';
