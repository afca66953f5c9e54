import { test } from 'node:test';
import assert from 'node:assert/strict';
import { html, raw } from './html.ts';

test('interpolated text is escaped, Html and arrays are kept, empty values vanish', () => {
  const name = '<script>alert("x")</script>';
  const out = html`<p title="${name}">${name}${[html`<b>${'a&b'}</b>`, raw('<i>ok</i>')]}${null}${false}${undefined}${0}</p>`;
  assert.equal(out.text, '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<b>a&amp;b</b><i>ok</i>0</p>');
});
