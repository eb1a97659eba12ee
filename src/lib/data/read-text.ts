/** Reading a text file of the repo or the mirror (pipeline and prerendering only: Node's fs). */
import { readFileSync } from 'node:fs';

/**
 * The file's UTF-8 text. An unreadable file throws `fail(cause)`, the cause as the system names
 * it (ENOENT, EACCES…): the caller words the French message and names the file.
 */
export function readTextOr(path: string, fail: (cause: string) => Error): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    throw fail(typeof code === 'string' ? code : String(e));
  }
}
