/**
 * `captureEarlyInput` (components/island/early-input.ts) in Chromium, table-driven: which controls
 * it takes as changed by the visitor before hydration, and what its replay sets back and sends.
 * The module is transpiled here and run in a blank page, on markup written for each case.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { test } from './harness';

const source = ts
  .transpileModule(readFileSync('src/lib/components/island/early-input.ts', 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
  })
  .outputText.replace(/^export /gm, '');

interface Case {
  name: string;
  html: string;
  /** What the visitor does before hydration (in the page). */
  act: string;
  /** Events the replay sends, as « id:type ». */
  events: string[];
  /** Values read after the controls were reset (as hydration does) and the replay ran. */
  after: Record<string, string>;
}

const CASES: Case[] = [
  {
    name: 'an untouched list whose markup marks no option keeps quiet',
    html: '<select id="s"><option value="">Tous</option><option value="4">4</option></select>',
    act: '',
    events: [],
    after: { s: '' }
  },
  {
    name: 'an untouched list with a selected option keeps quiet',
    html: '<select id="s"><option value="a">a</option><option value="b" selected>b</option></select>',
    act: '',
    events: [],
    after: { s: 'b' }
  },
  {
    name: 'a list changed by the visitor is set back and announced',
    html: '<select id="s"><option value="a" selected>a</option><option value="b">b</option></select>',
    act: "document.getElementById('s').value = 'b'",
    events: ['s:input', 's:change'],
    after: { s: 'b' }
  },
  {
    name: 'of a radio group, only the chosen button is replayed',
    html: '<input type="radio" name="v" id="r1" value="1" checked><input type="radio" name="v" id="r2" value="2">',
    act: "document.getElementById('r2').checked = true",
    events: ['r2:input', 'r2:change'],
    after: { r1: 'false', r2: 'true' }
  },
  {
    name: 'a box unticked and a field typed into are both replayed',
    html: '<input type="checkbox" id="c" checked><input id="t" value="">',
    act: "document.getElementById('c').checked = false; document.getElementById('t').value = 'Eyb'",
    events: ['c:input', 'c:change', 't:input', 't:change'],
    after: { c: 'false', t: 'Eyb' }
  },
  {
    name: 'a file field is left alone (its value cannot be set back)',
    html: '<input type="file" id="f"><input type="hidden" id="h" value="x">',
    act: "document.getElementById('h').value = 'y'",
    events: [],
    after: { h: 'y' }
  }
];

test('early input: the controls changed before hydration are replayed, and only those', async ({
  newPage
}) => {
  const { page, context, errors } = await newPage();
  for (const c of CASES) {
    await page.setContent(
      `<!doctype html><html><body><div id="root">${c.html}</div></body></html>`
    );
    // In a function of its own: the page's global scope outlives setContent.
    await page.addScriptTag({
      content: `window.captureEarlyInput = (() => { ${source}; return captureEarlyInput; })();`
    });
    const result = await page.evaluate(`(() => {
      ${c.act};
      const root = document.getElementById('root');
      const replay = captureEarlyInput(root);
      // Hydration puts every control back to its markup's value.
      for (const el of root.querySelectorAll('input, select')) {
        if (el.type === 'file') continue;
        if (el instanceof HTMLSelectElement) for (const o of el.options) o.selected = o.defaultSelected;
        else if (el.type === 'checkbox' || el.type === 'radio') el.checked = el.defaultChecked;
        else el.value = el.defaultValue;
      }
      const events = [];
      for (const type of ['input', 'change'])
        root.addEventListener(type, (e) => events.push(e.target.id + ':' + type));
      replay();
      const after = {};
      for (const el of root.querySelectorAll('[id]'))
        after[el.id] = el.type === 'checkbox' || el.type === 'radio' ? String(el.checked) : el.value;
      return { events: events.sort(), after };
    })()`);
    const { events, after } = result as { events: string[]; after: Record<string, string> };
    assert.deepEqual(events, [...c.events].sort(), c.name);
    for (const [id, value] of Object.entries(c.after))
      assert.equal(after[id], value, `${c.name}: ${id}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
