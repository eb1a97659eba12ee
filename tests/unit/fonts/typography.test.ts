/**
 * The app's face: one font stack for the page's CSS, the map's names and the PNG export, and the
 * `@font-face` rules the page's head and the export write.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FAMILY, FONT_STACK, fontFaceRules } from '../../../src/lib/fonts/typography';
import { LABEL_FONT_FAMILY, labelFont } from '../../../src/lib/map/scheme/labels';

/** A CSS font stack without its line breaks and spaces after commas. */
const normalised = (stack: string) => stack.replace(/\s+/g, ' ').replace(/,\s*/g, ',').trim();

describe('fontFaceRules', () => {
  it.each([
    {
      files: [{ weight: '200 900', url: './_app/immutable/assets/a.woff2' }],
      rules: [
        `@font-face{font-family:'Source Sans 3';font-style:normal;font-weight:200 900;font-display:swap;src:url("./_app/immutable/assets/a.woff2") format('woff2')}`
      ]
    },
    {
      files: [
        { weight: '400', url: 'data:font/woff2;base64,AAA=' },
        { weight: '700', url: 'https://example.org/b".woff2' }
      ],
      rules: [
        `@font-face{font-family:'Source Sans 3';font-style:normal;font-weight:400;font-display:swap;src:url("data:font/woff2;base64,AAA=") format('woff2')}`,
        // A quote in a URL stays inside the CSS string.
        `@font-face{font-family:'Source Sans 3';font-style:normal;font-weight:700;font-display:swap;src:url("https://example.org/b\\".woff2") format('woff2')}`
      ]
    },
    { files: [], rules: [] }
  ])('$files.length file(s)', ({ files, rules }) => {
    expect(fontFaceRules(files)).toBe(rules.join(''));
  });
});

describe('one font stack', () => {
  it('starts with the bundled face and falls back on the system sans-serif', () => {
    expect(FONT_STACK.startsWith(`'${FONT_FAMILY}', system-ui,`)).toBe(true);
    expect(FONT_STACK.endsWith(', sans-serif')).toBe(true);
  });

  it("app.css's --font-sans is FONT_STACK", () => {
    const css = readFileSync('src/app.css', 'utf8');
    const declared = /--font-sans:([^;]+);/.exec(css)?.[1];
    expect(declared).toBeDefined();
    expect(normalised(declared!)).toBe(normalised(FONT_STACK));
    expect(css).toMatch(/html \{[^}]*font-family: var\(--font-sans\);/);
  });

  it("the map's names are set in it (SVG, canvas measures, worker)", () => {
    expect(LABEL_FONT_FAMILY).toBe(FONT_STACK);
    expect(labelFont(11)).toBe(`600 11px ${FONT_STACK}`);
  });

  it('no stylesheet or script of src/ names another sans-serif stack', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(svelte|ts|css)$/.test(entry.name)) {
          const text = readFileSync(path, 'utf8');
          // typography.ts and app.css hold the stack; monospace blocks keep their own.
          if (/system-ui/.test(text) && !/src\/(lib\/fonts\/typography\.ts|app\.css)$/.test(path))
            offenders.push(path);
        }
      }
    };
    walk('src');
    expect(offenders).toEqual([]);
  });
});
