import { describe, expect, it } from 'vitest';
import { renderMarkdown, safeHttpsUrl } from './markdown';

const ALLOWED = new Set(['P', 'STRONG', 'EM', 'CODE', 'PRE', 'UL', 'OL', 'LI', 'A', 'BR', 'H3', 'H4', 'H5']);

function render(src: string): HTMLDivElement {
  const div = document.createElement('div');
  div.appendChild(renderMarkdown(src, document));
  return div;
}

/** Every element is from the fixed list, and no attribute other than the link's three exists. */
function assertSafe(root: HTMLElement): void {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    expect(ALLOWED.has(el.tagName)).toBe(true);
    for (const attr of Array.from(el.attributes)) {
      expect(['href', 'rel', 'target', 'start']).toContain(attr.name);
      if (attr.name === 'href') expect(attr.value.startsWith('https://')).toBe(true);
    }
  }
}

describe('renderMarkdown', () => {
  it('renders paragraphs, emphasis, code, lists and headings', () => {
    const root = render(
      '# Try this\n\nA **bold** and *soft* `TIPP` step.\nNext line\n\n- one\n- two\n\n3. three\n4. four',
    );
    expect(root.querySelector('h3')?.textContent).toBe('Try this');
    expect(root.querySelector('strong')?.textContent).toBe('bold');
    expect(root.querySelector('em')?.textContent).toBe('soft');
    expect(root.querySelector('p code')?.textContent).toBe('TIPP');
    expect(root.querySelector('p br')).not.toBeNull();
    expect(Array.from(root.querySelectorAll('ul li')).map((li) => li.textContent)).toEqual(['one', 'two']);
    expect(root.querySelector('ol')?.getAttribute('start')).toBe('3');
    assertSafe(root);
  });

  it('keeps fenced code as text, even unterminated while streaming', () => {
    const root = render('```html\n<script>alert(1)</script>\n**not bold**');
    expect(root.querySelector('pre code')?.textContent).toBe('<script>alert(1)</script>\n**not bold**');
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('strong')).toBeNull();
  });

  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '<svg/onload=alert(1)>',
    '<a href="javascript:alert(1)">click</a>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[click](http://example.com)',
    '[click](//evil.example)',
    '[x](https://ok.example/"onmouseover="alert(1))',
    '**<iframe src="https://evil.example"></iframe>**',
    '`<style>body{display:none}</style>`',
    '- <b onclick=alert(1)>item</b>',
    '&lt;script&gt; &#x3C;img&#x3E;',
    '*'.repeat(5000) + 'x' + '*'.repeat(5000),
    '['.repeat(2000) + '](' + ')'.repeat(2000),
  ];
  it.each(hostile)('renders hostile input as inert text: %s', (src) => {
    const root = render(src);
    assertSafe(root);
    expect(root.querySelector('script, img, svg, iframe, style, b')).toBeNull();
  });

  it('shows the raw characters of HTML instead of parsing them', () => {
    const root = render('Hi <img src=x onerror=alert(1)> &amp; bye');
    expect(root.textContent).toBe('Hi <img src=x onerror=alert(1)> &amp; bye');
  });

  it('links only https URLs, with noopener, and shows others as text', () => {
    const root = render('See [the guide](https://example.org/a?b=1) or [this](javascript:alert(1)).');
    const links = root.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://example.org/a?b=1');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(root.textContent).toContain('this (javascript:alert(1))');
  });
});

describe('safeHttpsUrl', () => {
  it('accepts https and refuses everything else', () => {
    expect(safeHttpsUrl('https://a.example/x')).toBe('https://a.example/x');
    for (const bad of ['http://a.example', 'javascript:alert(1)', ' https://a.example', 'https://', '//a.example']) {
      expect(safeHttpsUrl(bad)).toBeNull();
    }
  });
});
