import { decodeModelFile, encodeModelFile } from '../../nlu/model/model-file';

describe('NLU model file', () => {
  const model = {
    key: 'abc',
    intents: {
      el: {
        labels: ['greet', 'none'],
        table: { features: ['w:γεια', 'c:<γει'], values: Float32Array.of(1.5, -2, 0.25, 3) },
      },
      cs: { table: { features: [], values: new Float32Array(0) }, bias: [0.1, 0.2, 0.3] },
    },
  };

  it('gives back what it was given, numbers as Float32Arrays', () => {
    const back = decodeModelFile(encodeModelFile(model)) as typeof model;
    expect(back).toEqual(model);
    expect(back.intents.el.table.values).toBeInstanceOf(Float32Array);
    expect(Array.from(back.intents.el.table.values)).toEqual([1.5, -2, 0.25, 3]);
  });

  it('keeps the numbers out of the text part', () => {
    const file = encodeModelFile({ values: new Float32Array(1000).fill(0.1) });
    expect(file.length).toBeLessThan(4100);
  });

  it('refuses a file of another format or a cut one', () => {
    const file = encodeModelFile(model);
    expect(() => decodeModelFile(Buffer.from('{"version": 1, "trunc'))).toThrow(/not an Agora NLU model/);
    expect(() => decodeModelFile(file.subarray(0, 20))).toThrow(/truncated/);
    expect(() => decodeModelFile(file.subarray(0, file.length - 4))).toThrow(/truncated/);
    expect(() => decodeModelFile(file.subarray(0, file.length - 2))).toThrow(/truncated/);
  });
});
