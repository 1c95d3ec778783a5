import { describe, expect, it } from 'vitest';
import { extractExamples, normaliseOutput, withOutputs } from './lesson-blocks.js';

const LESSON = [
  '# A lesson', // 1
  '', // 2
  '```sh', // 3
  'npm start', // 4
  '```', // 5
  '', // 6
  '```bash', // 7
  'echo "$GLACIER_URL"', // 8
  '```', // 9
  '', // 10
  '```output', // 11
  'old', // 12
  '```', // 13
  'Text.', // 14
  '```python', // 15
  "print('a')", // 16
  "print('b')", // 17
  '```', // 18
  '```output', // 19
  '```', // 20
  '',
].join('\n');

describe('course lesson blocks', () => {
  it('finds the bash, ts and python examples with their output blocks, and only those', () => {
    const { examples, problems } = extractExamples(LESSON);
    expect(problems).toEqual([]);
    expect(examples.map((e) => [e.lang, e.line, e.code, e.output])).toEqual([
      ['bash', 7, 'echo "$GLACIER_URL"\n', 'old'],
      ['python', 15, "print('a')\nprint('b')\n", ''],
    ]);
  });

  it('names an example without an output block, an output block after text, and an unclosed block', () => {
    const md = ['```ts', 'console.log(1)', '```', 'Some text.', '```output', '1', '```', '```python', 'print(1)'].join('\n');
    expect(extractExamples(md).problems).toEqual([
      'line 8: the fenced block is never closed',
      'line 1: the ts example is not followed by an output block',
      'line 5: an output block that follows no example',
      'line 8: the python example is not followed by an output block',
    ]);
  });

  it('writes outputs into the output blocks (a longer fence when the output holds one) and reads them back', () => {
    const { examples } = extractExamples(LESSON);
    const written = withOutputs(LESSON, examples, ['http://x  \n', 'a\n```\nb\n']);
    const again = extractExamples(written);
    expect(again.problems).toEqual([]);
    expect(again.examples.map((e) => e.output)).toEqual(['http://x', 'a\n```\nb']);
    expect(written).toContain('````output\na\n```\nb\n````');
    // A null output leaves that block as it was; the rest of the text is untouched.
    const kept = withOutputs(LESSON, examples, [null, 'x']);
    expect(kept.split('\n').slice(0, 14)).toEqual(LESSON.split('\n').slice(0, 14));
    expect(kept).toContain('Text.\n```python');
  });

  it('compares outputs without trailing whitespace or trailing blank lines', () => {
    expect(normaliseOutput('a  \nb\t\n\n\n')).toBe('a\nb');
    expect(normaliseOutput('a\n\nb')).toBe('a\n\nb');
  });
});
