// Every relative link in README.md and docs/*.md leads to a file in this repository: a reader following the README
// word for word (a clone, an archive, a package) finds what it points at, never a path beside or above the checkout.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../cli/paths';

const pages = [
  'README.md',
  ...readdirSync(join(projectRoot, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The targets of a page's Markdown links and images, `[text](target)` or `![alt](target "title")`, outside code. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`(?!\])/g, '');
  return [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
}

/** Whether a target names a place on the web or in the page itself rather than a file. */
const external = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#');

describe('relative links in the README and docs', () => {
  it('finds links and images, and leaves code alone', () => {
    expect(linkTargets('See [a](docs/A.md#x), ![b](b.png "t"), `[c](nope.md)` and\n```\n[d](nope.md)\n```')).toEqual([
      'docs/A.md#x',
      'b.png',
    ]);
  });

  for (const page of pages)
    it(`${page}: every relative link resolves to a file inside the repository`, () => {
      const dir = dirname(join(projectRoot, page));
      const broken = linkTargets(readFileSync(join(projectRoot, page), 'utf8'))
        .filter((t) => !external(t))
        .filter((t) => {
          const path = resolve(dir, decodeURIComponent(t.split('#')[0]!));
          return relative(projectRoot, path).startsWith('..') || !existsSync(path);
        });
      expect(broken).toEqual([]);
    });
});
