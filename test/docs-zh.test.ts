import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The Chinese docs mirror English ones. Each heading of a Chinese doc is followed on the next
 * line by `<!-- en: <the English heading text> -->`; these tests fail when an English heading has
 * no Chinese counterpart (or they come in another order), and when a code block of the mirrored
 * English text is not in the Chinese doc verbatim (commands, requests and output are not translated).
 */
interface Mirror {
  zh: string;
  en: string;
  /** Only these sections of the English doc (its title and the named level-2 sections); all of it when absent. */
  sections?: string[];
}

const MIRRORS: Mirror[] = [
  { zh: 'docs/zh/README.md', en: 'README.md', sections: ['Quick start'] },
  { zh: 'docs/zh/api.md', en: 'docs/api.md' },
  { zh: 'docs/zh/data-model.md', en: 'docs/data-model.md' },
];

interface Heading {
  level: number;
  text: string;
  line: number;
}

interface Parsed {
  headings: Heading[];
  codeBlocks: { text: string; line: number }[];
  lines: string[];
}

/** Headings and fenced code blocks of a Markdown text ("#" inside a code block is not a heading). */
function parseMarkdown(md: string): Parsed {
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  const headings: Heading[] = [];
  const codeBlocks: Parsed['codeBlocks'] = [];
  let fence: { marker: string; start: number } | null = null;
  lines.forEach((l, i) => {
    const f = /^(```+|~~~+)/.exec(l);
    if (fence) {
      if (f && l.trim() === fence.marker) {
        codeBlocks.push({ text: lines.slice(fence.start, i + 1).join('\n'), line: fence.start + 1 });
        fence = null;
      }
      return;
    }
    if (f) fence = { marker: f[1], start: i };
    const h = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(l);
    if (h) headings.push({ level: h[1].length, text: h[2], line: i + 1 });
  });
  return { headings, codeBlocks, lines };
}

/** The part of an English doc a Chinese one mirrors: its title and the named level-2 sections (with their sub-sections). */
function mirroredPart(en: Parsed, sections?: string[]): Parsed {
  if (!sections) return en;
  const keep = (line: number) => {
    const owner = [...en.headings].reverse().find((h) => h.line <= line && h.level <= 2);
    return owner !== undefined && owner.level === 2 && sections.includes(owner.text);
  };
  return {
    headings: en.headings.filter((h) => h.level === 1 || keep(h.line)),
    codeBlocks: en.codeBlocks.filter((b) => keep(b.line)),
    lines: en.lines,
  };
}

/** What is wrong with a Chinese doc against the English text it mirrors; empty when they are in step. */
function mirrorProblems(zhName: string, zhText: string, en: Parsed): string[] {
  const zh = parseMarkdown(zhText);
  const problems: string[] = [];
  const counterparts: { level: number; text: string }[] = [];
  for (const h of zh.headings) {
    const m = /^<!--\s*en:\s*(.+?)\s*-->$/.exec(zh.lines[h.line]?.trim() ?? '');
    if (!m) problems.push(`${zhName}:${h.line}: heading "${h.text}" is not followed by <!-- en: … -->`);
    else counterparts.push({ level: h.level, text: m[1] });
  }
  const show = (h: { level: number; text: string }) => `${'#'.repeat(h.level)} ${h.text}`;
  const zhSet = new Set(counterparts.map(show));
  const enSet = new Set(en.headings.map(show));
  for (const h of en.headings) if (!zhSet.has(show(h))) problems.push(`${zhName}: no Chinese counterpart of the English heading "${show(h)}"`);
  for (const h of counterparts) if (!enSet.has(show(h))) problems.push(`${zhName}: <!-- en: ${h.text} --> (level ${h.level}) names no English heading`);
  if (problems.length === 0 && counterparts.map(show).join('\n') !== en.headings.map(show).join('\n')) {
    problems.push(`${zhName}: headings in another order than the English doc:\n${counterparts.map(show).join('\n')}`);
  }
  for (const b of en.codeBlocks) if (!zhText.replace(/\r\n/g, '\n').includes(b.text)) problems.push(`${zhName}: the English code block at line ${b.line} is not here verbatim:\n${b.text}`);
  return problems;
}

const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8');

describe('Chinese docs (docs/zh) are in step with the English ones', () => {
  for (const m of MIRRORS) {
    it(`${m.zh} mirrors ${m.en}${m.sections ? ` (${m.sections.join(', ')})` : ''}`, () => {
      const en = mirroredPart(parseMarkdown(read(m.en)), m.sections);
      expect(en.headings.length).toBeGreaterThan(m.sections ? 1 : 3);
      expect(mirrorProblems(m.zh, read(m.zh), en)).toEqual([]);
    });
  }

  it('README.md links the Chinese docs near the top', () => {
    const top = read('README.md').split('\n').slice(0, 8).join('\n');
    expect(top).toContain('(docs/zh/README.md)');
  });

  it('names a heading that was deleted, one in another order, and a changed code block', () => {
    const en = parseMarkdown('# Title\n\n## One\n\n```sh\nnpm start\n```\n\n## Two\n\n```\n# not a heading\n```\n');
    expect(en.headings.map((h) => h.text)).toEqual(['Title', 'One', 'Two']);
    const zh = '# 标题\n<!-- en: Title -->\n\n## 一\n<!-- en: One -->\n\n```sh\nnpm start\n```\n\n## 二\n<!-- en: Two -->\n\n```\n# not a heading\n```\n';
    expect(mirrorProblems('zh.md', zh, en)).toEqual([]);
    expect(mirrorProblems('zh.md', zh.replace('## 二\n<!-- en: Two -->\n', ''), en)).toEqual(['zh.md: no Chinese counterpart of the English heading "## Two"']);
    expect(mirrorProblems('zh.md', zh.replace('<!-- en: One -->', ''), en)[0]).toMatch(/heading "一" is not followed/);
    const swapped = '# 标题\n<!-- en: Title -->\n## 二\n<!-- en: Two -->\n## 一\n<!-- en: One -->\n```sh\nnpm start\n```\n```\n# not a heading\n```\n';
    expect(mirrorProblems('zh.md', swapped, en)[0]).toMatch(/another order/);
    expect(mirrorProblems('zh.md', zh.replace('npm start', 'npm run start'), en)[0]).toMatch(/code block at line 5 is not here verbatim/);
    const readme = mirroredPart(en, ['Two']);
    expect(readme.headings.map((h) => h.text)).toEqual(['Title', 'Two']);
    expect(readme.codeBlocks.map((b) => b.line)).toEqual([11]);
  });
});
