/**
 * A feature -> weights table: the feature names and one Float32Array of rows. The model cache
 * stores the numbers as binary (nlu/model/model-file.ts), never as JSON numbers or base64 text.
 */
export interface PackedTable {
  features: string[];
  /** Numbers per row (the number of labels). */
  width: number;
  /** features.length * width numbers, row by row. */
  values: Float32Array;
}

export function packTable(rows: ReadonlyMap<string, ArrayLike<number>>, width: number): PackedTable {
  const features = [...rows.keys()];
  const values = new Float32Array(features.length * width);
  features.forEach((f, i) => {
    const row = rows.get(f) ?? [];
    for (let c = 0; c < width; c++) values[i * width + c] = row[c] ?? 0;
  });
  return { features, width, values };
}

/** Several tables side by side under one feature index: one Map lookup per feature, one block of memory. */
export interface JoinedTables {
  /** Feature -> row number. */
  index: Map<string, number>;
  /** Sum of the tables' widths. */
  width: number;
  /** index.size * width numbers; a feature absent from a table has zeros in its columns. */
  values: Float32Array;
}

export function joinTables(tables: readonly PackedTable[]): JoinedTables {
  for (const t of tables)
    if (t.values.length !== t.features.length * t.width) throw new Error('packed table has the wrong size');
  const index = new Map<string, number>();
  for (const t of tables) for (const f of t.features) if (!index.has(f)) index.set(f, index.size);
  const width = tables.reduce((w, t) => w + t.width, 0);
  const values = new Float32Array(index.size * width);
  let column = 0;
  for (const t of tables) {
    t.features.forEach((f, i) => {
      const row = index.get(f) as number;
      values.set(t.values.subarray(i * t.width, (i + 1) * t.width), row * width + column);
    });
    column += t.width;
  }
  return { index, width, values };
}
