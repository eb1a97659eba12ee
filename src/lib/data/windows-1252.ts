/** Windows-1252 decoding that does not depend on the Node version (pure). */

/** Windows-1252 characters of bytes 0x80–0x9F (where it differs from ISO-8859-1); 0 = unassigned. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178
];

/**
 * Decode the official bytes (Windows-1252; « € » is byte 0x80). Node 20's
 * `TextDecoder('windows-1252')` decodes as ISO-8859-1 (0x80 → U+0080), so the C1 range is mapped
 * again here to the Windows-1252 characters, as the WHATWG Encoding standard defines them.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const text = new TextDecoder('windows-1252').decode(bytes);
  return text.replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? 0;
    return mapped === 0 ? c : String.fromCharCode(mapped);
  });
}
