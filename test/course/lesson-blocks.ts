/**
 * The runnable examples of a course lesson (docs/course/, format in the course's README): fenced
 * blocks whose info string is exactly `bash`, `ts` or `python`, each followed (blank lines
 * allowed) by a fenced `output` block holding what it prints. Other fenced blocks are text.
 */
export type BlockLang = 'bash' | 'ts' | 'python';
export const RUNNABLE: readonly BlockLang[] = ['bash', 'ts', 'python'];

export interface Example {
  lang: BlockLang;
  /** 1-based line of the example's opening fence. */
  line: number;
  code: string;
  /** What the lesson says it prints. */
  output: string;
  /** 0-based line indexes of the output block's content: [from, to) (from = to when empty). */
  outputLines: [number, number];
  /** The output block's fence (``` or longer), to rewrite it. */
  outputFence: string;
}

interface Fenced {
  info: string;
  fence: string;
  /** 0-based index of the opening fence line. */
  open: number;
  /** 0-based index of the closing fence line (lines.length when unclosed). */
  close: number;
}

function fencedBlocks(lines: string[]): { blocks: Fenced[]; problems: string[] } {
  const blocks: Fenced[] = [];
  const problems: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!m) continue;
    const fence = m[1];
    const info = m[2].trim();
    let close = i + 1;
    const closer = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    while (close < lines.length && !closer.test(lines[close])) close++;
    if (close === lines.length) problems.push(`line ${i + 1}: the fenced block is never closed`);
    blocks.push({ info, fence, open: i, close });
    i = close;
  }
  return { blocks, problems };
}

/** Normalises printed text for comparison: trailing whitespace of each line and trailing blank lines dropped. */
export function normaliseOutput(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

/** Every runnable example of a lesson's Markdown, with the problems of its layout (an example without output block). */
export function extractExamples(markdown: string): { examples: Example[]; problems: string[] } {
  const lines = markdown.split('\n');
  const { blocks, problems } = fencedBlocks(lines);
  const examples: Example[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (!(RUNNABLE as readonly string[]).includes(block.info)) {
      if (block.info === 'output' && !(b > 0 && (RUNNABLE as readonly string[]).includes(blocks[b - 1].info) && onlyBlankBetween(lines, blocks[b - 1], block))) {
        problems.push(`line ${block.open + 1}: an output block that follows no example`);
      }
      continue;
    }
    const next = blocks[b + 1];
    if (!next || next.info !== 'output' || !onlyBlankBetween(lines, block, next)) {
      problems.push(`line ${block.open + 1}: the ${block.info} example is not followed by an output block`);
      continue;
    }
    examples.push({
      lang: block.info as BlockLang,
      line: block.open + 1,
      code: lines.slice(block.open + 1, block.close).join('\n') + '\n',
      output: lines.slice(next.open + 1, next.close).join('\n'),
      outputLines: [next.open + 1, next.close],
      outputFence: next.fence,
    });
  }
  return { examples, problems };
}

function onlyBlankBetween(lines: string[], a: Fenced, b: Fenced): boolean {
  return lines.slice(a.close + 1, b.open).every((l) => l.trim() === '');
}

/**
 * The lesson with the output blocks of `examples` (in the order extractExamples gives) holding
 * `outputs` instead (normalised; a longer fence when the text holds the old one).
 */
export function withOutputs(markdown: string, examples: Example[], outputs: (string | null)[]): string {
  const lines = markdown.split('\n');
  // From the last block up, so earlier line indexes stay valid.
  for (let i = examples.length - 1; i >= 0; i--) {
    const out = outputs[i];
    if (out === null) continue;
    const e = examples[i];
    const body = normaliseOutput(out);
    const bodyLines = body === '' ? [] : body.split('\n');
    let fence = e.outputFence;
    while (bodyLines.some((l) => l.trimStart().startsWith(fence))) fence += fence[0];
    const [from, to] = e.outputLines;
    lines.splice(from - 1, to - from + 2, `${fence}output`, ...bodyLines, fence);
  }
  return lines.join('\n');
}
