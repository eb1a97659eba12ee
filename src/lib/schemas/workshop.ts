/**
 * Contract of the workshop knowledge base `data/workshop/propositions.csv` (documented in
 * `data/README.md`): one row per framing line, bullet and sub-bullet of the four workshop tables.
 */
import { z } from './zod';
import {
  WORKSHOP_COLUMN_CODES,
  WORKSHOP_COLUMN_LABELS,
  WORKSHOP_COLUMNS,
  type WorkshopColumn
} from './vocabulary';
import { workshopTagSchema, type WorkshopTag } from './tags';

export const workshopColumnSchema = z.enum(WORKSHOP_COLUMNS);
export type { WorkshopColumn };
export { WORKSHOP_COLUMN_CODES, WORKSHOP_COLUMN_LABELS, WORKSHOP_COLUMNS };

/**
 * `intro`: a framing line in italics, introducing the column (or the bullets that follow it);
 * `bullet`: a « - » bullet; `sub_bullet`: an « o » / « ○ » sub-bullet of the bullet `parent_id`.
 */
export const workshopKindSchema = z.enum(['intro', 'bullet', 'sub_bullet']);
export type WorkshopKind = z.infer<typeof workshopKindSchema>;

/**
 * How several tags combine: `any` (default) = the item applies where at least one tag holds
 * (tags are alternatives); `all` = it applies only where every tag holds.
 */
export const workshopConditionSchema = z.enum(['any', 'all']);
export type WorkshopCondition = z.infer<typeof workshopConditionSchema>;

/** Header of the CSV, in this order. */
export const WORKSHOP_CSV_FIELDS = [
  'id',
  'theme',
  'theme_question',
  'tables',
  'column',
  'kind',
  'order',
  'parent_id',
  'text',
  'tags',
  'condition',
  'keywords'
] as const;
export type WorkshopCsvField = (typeof WORKSHOP_CSV_FIELDS)[number];

/**
 * Every column of `data/workshop/propositions.csv`, in order: the required ones, then `tag_note`
 * (the curator's reason for the tags; optional, ignored by the app). Rows written to be appended
 * to the base need all of them, or the loader counts a field short.
 */
export const WORKSHOP_BASE_CSV_FIELDS = [...WORKSHOP_CSV_FIELDS, 'tag_note'] as const;

/** Separator of multi-valued cells (`tags`, `keywords`). */
export const LIST_SEPARATOR = '|';

export const workshopIdSchema = z
  .string()
  .regex(
    /^T[1-4]-(PB|ID|AC)-(\d{2}(\.\d+)?|Q\d+)$/,
    'identifiant attendu de la forme T1-PB-07 (puce), T1-PB-07.1 (sous-puce) ou T1-PB-Q1 (intro)'
  );

function splitList(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const trimmed = z.string().transform((s) => s.trim());

/** One CSV row as papaparse gives it (all strings), validated and typed. */
export const workshopRowSchema = z
  .object({
    id: trimmed.pipe(workshopIdSchema),
    theme: trimmed.pipe(
      z
        .string()
        .regex(/^[1-4]$/, 'le thème doit être 1, 2, 3 ou 4')
        .transform((s) => Number(s))
    ),
    theme_question: trimmed.pipe(z.string().min(1, 'theme_question vide')),
    tables: trimmed.pipe(z.string().regex(/^Tables /, 'tables doit commencer par « Tables »')),
    column: trimmed.pipe(workshopColumnSchema),
    kind: trimmed.pipe(workshopKindSchema),
    order: trimmed.pipe(
      z
        .string()
        .regex(/^[1-9]\d*$/, 'l’ordre doit être un entier positif')
        .transform((s) => Number(s))
    ),
    parent_id: trimmed.transform((s) => (s === '' ? null : s)),
    // Verbatim: only surrounding spaces are dropped.
    text: trimmed.pipe(z.string().min(1, 'texte vide')),
    tags: z.string().transform((s, ctx) => {
      const tags: WorkshopTag[] = [];
      for (const raw of splitList(s)) {
        const parsed = workshopTagSchema.safeParse(raw);
        if (!parsed.success) {
          ctx.addIssue({ code: 'custom', message: `étiquette inconnue « ${raw} »` });
          return z.NEVER;
        }
        if (tags.includes(parsed.data)) {
          ctx.addIssue({ code: 'custom', message: `étiquette « ${raw} » répétée` });
          return z.NEVER;
        }
        tags.push(parsed.data);
      }
      return tags;
    }),
    condition: trimmed.pipe(
      z
        .string()
        .transform((s) => (s === '' ? 'any' : s))
        .pipe(workshopConditionSchema)
    ),
    keywords: z.string().transform((s) => [...new Set(splitList(s))])
  })
  .superRefine((row, ctx) => {
    const code = /^T(\d)-(PB|ID|AC)-/.exec(row.id);
    if (code && (Number(code[1]) !== row.theme || code[2] !== WORKSHOP_COLUMN_CODES[row.column])) {
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: `l’identifiant ${row.id} ne correspond pas au thème ${row.theme} et à la colonne ${row.column}`
      });
    }
    const isIntroId = /-Q\d+$/.test(row.id);
    const isSubId = /\.\d+$/.test(row.id);
    const expectedKind = isIntroId ? 'intro' : isSubId ? 'sub_bullet' : 'bullet';
    if (row.kind !== expectedKind) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: `kind ${row.kind} ne correspond pas à l’identifiant ${row.id} (${expectedKind} attendu)`
      });
    }
    if (row.kind === 'sub_bullet' && row.parent_id === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['parent_id'],
        message: 'une ligne sub_bullet doit avoir un parent_id'
      });
    }
    if (row.kind !== 'sub_bullet' && row.parent_id !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['parent_id'],
        message: `une ligne ${row.kind} n’a pas de parent_id (trouvé ${row.parent_id})`
      });
    }
    if (row.kind === 'intro' && row.tags.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['tags'],
        message: 'une intro (ligne de cadrage) ne porte pas d’étiquette'
      });
    }
    if (row.kind !== 'intro' && row.tags.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['tags'],
        message: 'aucune étiquette : mettre « tous » quand l’élément concerne tous les territoires'
      });
    }
    if (row.tags.includes('tous') && row.tags.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['tags'],
        message: '« tous » ne se combine pas avec d’autres étiquettes'
      });
    }
  })
  .transform((row) => ({
    id: row.id,
    theme: row.theme,
    themeQuestion: row.theme_question,
    tables: row.tables,
    column: row.column,
    kind: row.kind,
    order: row.order,
    parentId: row.parent_id,
    text: row.text,
    tags: row.tags,
    condition: row.condition,
    keywords: row.keywords
  }));

export type WorkshopItem = z.output<typeof workshopRowSchema>;

/** A row the loader rejected, with where and why. */
export const workshopRowErrorSchema = z.object({
  file: z.string(),
  /** 1-based line of the file (the header is line 1). */
  line: z.number().int().positive(),
  /** CSV field at fault, or null for a row-level problem. */
  field: z.string().nullable(),
  message: z.string(),
  /** Id of the rejected row when readable. */
  id: z.string().nullable()
});
export type WorkshopRowError = z.infer<typeof workshopRowErrorSchema>;
