import { inflateSync } from 'node:zlib';
import { SourceFormatError } from '../../domain/validation.js';

/**
 * A minimal reader for MATLAB Level 5 MAT-files ("MATLAB 5.0 MAT-file", the default format of
 * MATLAB 5–7.2 and of `save -v7`): a 128-byte header, then data elements (an 8-byte tag or a
 * 4-byte "small element" tag, 8-byte aligned), top-level variables being miMATRIX elements,
 * optionally wrapped in zlib-compressed miCOMPRESSED elements. Supported: numeric, logical and
 * char arrays (real part; the imaginary part of complex arrays is read too), cell arrays and
 * structs. Sparse arrays and objects are listed with their class but no data. MAT v7.3 files are
 * HDF5 files and are refused. Errors are SourceFormatErrors naming the file and the byte offset.
 */

export type MatClass = 'cell' | 'struct' | 'object' | 'char' | 'sparse' | 'double' | 'single' | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64';

export interface MatArray {
  name: string;
  class: MatClass;
  /** Dimensions, column-major as MATLAB stores them (rows first). */
  dims: number[];
  logical: boolean;
  /** Numeric and logical arrays: the real part, column-major. */
  real?: Float64Array;
  imag?: Float64Array;
  /** Char arrays: the characters, column-major. */
  text?: string;
  /** Cell arrays: the elements, column-major. */
  cells?: MatArray[];
  /** Structs: field names, and for each element (column-major) its fields. */
  fields?: string[];
  elements?: Record<string, MatArray>[];
}

export interface MatFile {
  header: string;
  variables: MatArray[];
}

const CLASSES: Record<number, MatClass> = {
  1: 'cell', 2: 'struct', 3: 'object', 4: 'char', 5: 'sparse', 6: 'double', 7: 'single',
  8: 'int8', 9: 'uint8', 10: 'int16', 11: 'uint16', 12: 'int32', 13: 'uint32', 14: 'int64', 15: 'uint64',
};

const MI = { INT8: 1, UINT8: 2, INT16: 3, UINT16: 4, INT32: 5, UINT32: 6, SINGLE: 7, DOUBLE: 9, INT64: 12, UINT64: 13, MATRIX: 14, COMPRESSED: 15, UTF8: 16, UTF16: 17, UTF32: 18 } as const;
const SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 2, 5: 4, 6: 4, 7: 4, 9: 8, 12: 8, 13: 8, 16: 1, 17: 2, 18: 4 };

interface Element {
  type: number;
  /** Offset of the data (after the tag) in the buffer being read. */
  start: number;
  length: number;
  /** Offset of the next element. */
  next: number;
}

class Reader {
  constructor(
    readonly buf: Buffer,
    readonly little: boolean,
    readonly file: string,
    /** Offset of `buf` in the file, for messages (compressed data: the element's offset). */
    readonly base: number,
    readonly where: string,
  ) {}

  fail(message: string, at: number): never {
    throw new SourceFormatError(message, this.file, undefined, `byte ${this.base + at}${this.where}`);
  }

  u32(at: number): number {
    if (at + 4 > this.buf.length) this.fail(`truncated MAT-file: a 4-byte field at byte ${this.base + at} runs past the end (${this.buf.length - at} bytes left)`, at);
    return this.little ? this.buf.readUInt32LE(at) : this.buf.readUInt32BE(at);
  }

  element(at: number): Element {
    const first = this.u32(at);
    const small = first >>> 16;
    if (small !== 0) {
      // Small data element: the byte count in the upper half, the type in the lower, data in the next 4 bytes.
      const type = first & 0xffff;
      if (small > 4) this.fail(`bad small data element (${small} bytes)`, at);
      if (at + 8 > this.buf.length) this.fail(`truncated MAT-file: element at byte ${this.base + at} needs 8 bytes, ${this.buf.length - at} left`, at);
      return { type, start: at + 4, length: small, next: at + 8 };
    }
    const type = first;
    const length = this.u32(at + 4);
    const start = at + 8;
    if (start + length > this.buf.length) this.fail(`truncated MAT-file: element at byte ${this.base + at} needs ${length} bytes, ${this.buf.length - start} left`, at);
    const next = type === MI.COMPRESSED ? start + length : start + Math.ceil(length / 8) * 8;
    return { type, start, length, next: Math.min(next, this.buf.length) };
  }

  numbers(e: Element): Float64Array {
    const size = SIZES[e.type];
    if (!size) this.fail(`unsupported data type ${e.type} in a numeric field`, e.start - 8);
    const n = Math.floor(e.length / size);
    const out = new Float64Array(n);
    const b = this.buf;
    const le = this.little;
    for (let i = 0; i < n; i++) {
      const at = e.start + i * size;
      switch (e.type) {
        case MI.INT8: out[i] = b.readInt8(at); break;
        case MI.UINT8: case MI.UTF8: out[i] = b.readUInt8(at); break;
        case MI.INT16: out[i] = le ? b.readInt16LE(at) : b.readInt16BE(at); break;
        case MI.UINT16: case MI.UTF16: out[i] = le ? b.readUInt16LE(at) : b.readUInt16BE(at); break;
        case MI.INT32: out[i] = le ? b.readInt32LE(at) : b.readInt32BE(at); break;
        case MI.UINT32: case MI.UTF32: out[i] = le ? b.readUInt32LE(at) : b.readUInt32BE(at); break;
        case MI.SINGLE: out[i] = le ? b.readFloatLE(at) : b.readFloatBE(at); break;
        case MI.DOUBLE: out[i] = le ? b.readDoubleLE(at) : b.readDoubleBE(at); break;
        case MI.INT64: out[i] = Number(le ? b.readBigInt64LE(at) : b.readBigInt64BE(at)); break;
        case MI.UINT64: out[i] = Number(le ? b.readBigUInt64LE(at) : b.readBigUInt64BE(at)); break;
      }
    }
    return out;
  }

  bytes(e: Element): Buffer {
    return this.buf.subarray(e.start, e.start + e.length);
  }

  /** An miMATRIX element's content: flags, dimensions, name, then class-specific parts. */
  matrix(e: Element, named: boolean): MatArray {
    if (e.type !== MI.MATRIX) this.fail(`expected a matrix element (type 14), found type ${e.type}`, e.start - 8);
    const end = e.start + e.length;
    if (e.length === 0) return { name: '', class: 'double', dims: [0, 0], logical: false, real: new Float64Array(0) };
    const sub = (at: number) => {
      if (at >= end) this.fail('matrix element ends before all its parts', at);
      return this.element(at);
    };
    const flagsEl = sub(e.start);
    const flags = this.numbers(flagsEl);
    const classId = flags[0] & 0xff;
    const cls = CLASSES[classId];
    if (!cls) this.fail(`unknown array class ${classId}`, flagsEl.start);
    const complex = (flags[0] & 0x800) !== 0;
    const logical = (flags[0] & 0x200) !== 0;
    const dimsEl = sub(flagsEl.next);
    const dims = Array.from(this.numbers(dimsEl));
    const nameEl = sub(dimsEl.next);
    const name = this.bytes(nameEl).toString('latin1');
    const count = dims.reduce((a, d) => a * d, 1);
    const out: MatArray = { name: named ? name : '', class: cls, dims, logical };
    let at = nameEl.next;
    if (cls === 'cell') {
      out.cells = [];
      for (let i = 0; i < count; i++) {
        const c = sub(at);
        out.cells.push(this.matrix(c, false));
        at = c.next;
      }
    } else if (cls === 'struct' || cls === 'object') {
      if (cls === 'object') {
        const classNameEl = sub(at);
        at = classNameEl.next;
      }
      const lenEl = sub(at);
      const fieldLength = this.numbers(lenEl)[0];
      const namesEl = sub(lenEl.next);
      const raw = this.bytes(namesEl);
      const fields: string[] = [];
      for (let k = 0; fieldLength > 0 && k + fieldLength <= raw.length; k += fieldLength) fields.push(raw.subarray(k, k + fieldLength).toString('latin1').replace(/\0.*$/s, ''));
      out.fields = fields;
      out.elements = [];
      at = namesEl.next;
      for (let i = 0; i < count; i++) {
        const record: Record<string, MatArray> = {};
        for (const f of fields) {
          const c = sub(at);
          record[f] = this.matrix(c, false);
          at = c.next;
        }
        out.elements.push(record);
      }
    } else if (cls === 'sparse') {
      // Row indices, column pointers and values are not needed by Glacier; listed without data.
    } else if (count === 0 && at >= end) {
      if (cls === 'char') out.text = '';
      else out.real = new Float64Array(0);
    } else {
      const realEl = sub(at);
      const real = this.numbers(realEl);
      if (real.length !== count) this.fail(`array ${JSON.stringify(name)} has ${real.length} values for dimensions ${dims.join('×')}`, realEl.start - 8);
      if (cls === 'char') out.text = String.fromCodePoint(...real);
      else out.real = real;
      if (complex) out.imag = this.numbers(sub(realEl.next));
    }
    return out;
  }
}

function inflate(r: Reader, e: Element, at: number): Buffer {
  try {
    return inflateSync(r.bytes(e));
  } catch (err) {
    return r.fail(`compressed element does not inflate (${(err as Error).message})`, at);
  }
}

/** Reads every top-level variable of a Level 5 MAT-file. */
export function readMat5(bytes: Uint8Array, file: string): MatFile {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buf.subarray(0, Math.min(116, buf.length)).toString('latin1');
  if (/^MATLAB 7\.3 MAT-file/.test(text)) throw new SourceFormatError('MAT-file version 7.3 (HDF5) is not supported; save with -v7', file, undefined, 'byte 0');
  if (!/^MATLAB 5\.0 MAT-file/.test(text)) {
    throw new SourceFormatError(`not a MATLAB 5 MAT-file: the file starts with ${JSON.stringify(buf.subarray(0, 24).toString('latin1'))}, not "MATLAB 5.0 MAT-file"`, file, undefined, 'byte 0');
  }
  if (buf.length < 128) throw new SourceFormatError(`truncated MAT-file: ${buf.length} bytes, shorter than the 128-byte header`, file, undefined, `byte ${buf.length}`);
  const endian = buf.subarray(126, 128).toString('latin1');
  if (endian !== 'IM' && endian !== 'MI') throw new SourceFormatError(`bad endian indicator ${JSON.stringify(endian)} (expected "IM" or "MI")`, file, undefined, 'byte 126');
  const little = endian === 'IM';
  const top = new Reader(buf, little, file, 0, '');
  const variables: MatArray[] = [];
  let at = 128;
  while (at < buf.length) {
    if (buf.length - at < 8 && buf.subarray(at).every((b) => b === 0)) break; // trailing padding
    const e = top.element(at);
    if (e.type === MI.COMPRESSED) {
      const inner = inflate(top, e, at);
      const r = new Reader(inner, little, file, 0, ` (inside the compressed element at byte ${at})`);
      variables.push(r.matrix(r.element(0), true));
    } else if (e.type === MI.MATRIX) {
      variables.push(top.matrix(e, true));
    } else {
      top.fail(`unexpected top-level data element of type ${e.type}`, at);
    }
    at = e.next;
  }
  return { header: text.replace(/\s+$/, ''), variables };
}
