/**
 * Minimal ZIP reader (stored and deflate entries) for official archives downloaded at build time
 * (INSEE comparateur, ANCT QPV perimeters). Node only: uses zlib.
 */
import { inflateRawSync } from 'node:zlib';

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Names of the entries, from the central directory. */
export function listZipEntries(bytes: Uint8Array): { name: string; offset: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory record: signature 0x06054b50, searched from the end (comment ≤ 64 KiB).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('ZIP : fin du répertoire central introuvable (archive tronquée ?)');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const entries: { name: string; offset: number }[] = [];
  for (let n = 0; n < count; n++) {
    if (view.getUint32(p, true) !== 0x02014b50)
      throw new Error('ZIP : répertoire central invalide');
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const offset = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.push({ name, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Bytes of the first entry whose name satisfies `match`, or null. */
export function extractZipEntry(
  bytes: Uint8Array,
  match: (name: string) => boolean
): { name: string; bytes: Uint8Array } | null {
  const entry = listZipEntries(bytes).find((e) => match(e.name));
  if (!entry) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.offset;
  if (view.getUint32(p, true) !== 0x04034b50)
    throw new Error(`ZIP : en-tête local invalide pour ${entry.name}`);
  const method = view.getUint16(p + 8, true);
  const nameLen = view.getUint16(p + 26, true);
  const extraLen = view.getUint16(p + 28, true);
  // Sizes are read from the central directory in principle; the local header may hold 0 when a
  // data descriptor is used, so inflate until the stream ends instead of trusting it.
  const start = p + 30 + nameLen + extraLen;
  const compressedSize = view.getUint32(p + 18, true);
  const data = bytes.subarray(start, compressedSize > 0 ? start + compressedSize : bytes.length);
  if (method === 0) return { name: entry.name, bytes: data };
  if (method === 8) return { name: entry.name, bytes: new Uint8Array(inflateRawSync(data)) };
  throw new Error(`ZIP : méthode de compression ${method} non prise en charge pour ${entry.name}`);
}
