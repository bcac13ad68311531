/**
 * The model cache's file format: a JSON header and the numbers in binary.
 *
 *   "AGNLU1\n" | header length (uint32 LE) | header (UTF-8 JSON) | padding to 4 bytes | float32 LE blob
 *
 * In the header every Float32Array is `{"$f32": [offset, length]}` into the blob. A model is about
 * 20 MB of weights: as JSON text (base64 or numbers) reading it took a 60 MB string plus its parse,
 * enough to exhaust a 128 MB heap at start-up; as binary it is read into one off-heap buffer.
 */
const MAGIC = Buffer.from('AGNLU1\n', 'latin1');

interface F32Ref {
  $f32: [number, number];
}

const isRef = (v: unknown): v is F32Ref =>
  typeof v === 'object' && v !== null && Array.isArray((v as Partial<F32Ref>).$f32);

export function encodeModelFile(data: unknown): Buffer {
  const arrays: Float32Array[] = [];
  let floats = 0;
  const header = JSON.stringify(data, (_key, value: unknown) => {
    if (!(value instanceof Float32Array)) return value;
    arrays.push(value);
    const ref: F32Ref = { $f32: [floats, value.length] };
    floats += value.length;
    return ref;
  });
  const headerBytes = Buffer.from(header, 'utf8');
  const start = MAGIC.length + 4 + headerBytes.length;
  const blobAt = Math.ceil(start / 4) * 4;
  const out = Buffer.alloc(blobAt + floats * 4);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(out, MAGIC.length + 4);
  let at = blobAt;
  for (const a of arrays) {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, at);
    at += a.byteLength;
  }
  return out;
}

/** The value encodeModelFile was given; throws on a file that is not one (truncated, other format). */
export function decodeModelFile(file: Buffer): unknown {
  if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC))
    throw new Error('not an Agora NLU model file');
  const headerLength = file.readUInt32LE(MAGIC.length);
  const start = MAGIC.length + 4;
  if (start + headerLength > file.length) throw new Error('model file is truncated');
  const blobAt = Math.ceil((start + headerLength) / 4) * 4;
  // One aligned copy of the blob; the arrays are views into it.
  const floats = (file.length - blobAt) / 4;
  if (!Number.isInteger(floats) || floats < 0) throw new Error('model file is truncated');
  const blob = new Float32Array(floats);
  Buffer.from(blob.buffer).set(file.subarray(blobAt));
  return JSON.parse(file.toString('utf8', start, start + headerLength), (_key, value: unknown) => {
    if (!isRef(value)) return value;
    const [offset, length] = value.$f32;
    if (offset + length > blob.length) throw new Error('model file is truncated');
    return blob.subarray(offset, offset + length);
  });
}
