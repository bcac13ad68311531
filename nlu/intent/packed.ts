/**
 * A feature -> weights table stored compactly for the model cache: the feature names and one
 * base64 block of float32 rows (a JSON array of numbers would be five times larger and slower to parse).
 */
export interface PackedTable {
  features: string[];
  /** Numbers per row (the number of labels). */
  width: number;
  /** base64 of a little-endian Float32Array, features.length * width long. */
  data: string;
}

export function packTable(rows: ReadonlyMap<string, ArrayLike<number>>, width: number): PackedTable {
  const features = [...rows.keys()];
  const data = new Float32Array(features.length * width);
  features.forEach((f, i) => {
    const row = rows.get(f) ?? [];
    for (let c = 0; c < width; c++) data[i * width + c] = row[c] ?? 0;
  });
  return { features, width, data: Buffer.from(data.buffer).toString('base64') };
}

export function unpackTable(t: PackedTable): Map<string, Float32Array> {
  const buf = Buffer.from(t.data, 'base64');
  const all = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
  if (all.length !== t.features.length * t.width) throw new Error('packed table has the wrong size');
  const out = new Map<string, Float32Array>();
  t.features.forEach((f, i) => out.set(f, all.subarray(i * t.width, (i + 1) * t.width)));
  return out;
}
