/**
 * The localStorage keys of the room's contributions, apart from their reader (and its schemas):
 * a page checks whether anything was saved before loading it.
 */
export const CONTRIBUTIONS_KEY = 'atlas-plh:reunion';
export const CONTRIBUTIONS_SET_ASIDE_KEY = 'atlas-plh:reunion-mis-de-cote';
