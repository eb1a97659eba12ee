import { describe, expect, it } from 'vitest';
import { escapeMarkup } from '../../../src/lib/format/markup';

describe('escapeMarkup', () => {
  it.each([
    ['a < b', 'a &lt; b'],
    ['a > b', 'a &gt; b'],
    ['R&D', 'R&amp;D'],
    ['"guillemets"', '&quot;guillemets&quot;'],
    ["l'accès", 'l&#39;accès'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['« déjà » propre', '« déjà » propre'],
    ['Saint-Martin-d’Hères', 'Saint-Martin-d’Hères'],
    ["L'Isle", 'L&#39;Isle'],
    ['a < b & c > "d"', 'a &lt; b &amp; c &gt; &quot;d&quot;'],
    ['&amp;', '&amp;amp;']
  ])('%s → %s', (text, expected) => {
    expect(escapeMarkup(text)).toBe(expected);
  });
});
