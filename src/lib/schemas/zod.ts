/**
 * zod, with French messages: a schema's issue reaches users and planners as
 * « Fichier …, champ « … » : <message> », in the app as in the pipeline. Every schema imports `z`
 * from here, so no parse runs before the locale is set (zod's configuration is global).
 */
import { z } from 'zod';
import fr from 'zod/v4/locales/fr.js';

z.config(fr());

export { z };
