import { PabulibError } from '../../../core/tally/pabulib-error';
import { parsePabulib } from '../../../core/tally/pabulib-parse';
import { writePabulib } from '../../../core/tally/pabulib-write';
import { VALID, pb } from './builders';

/** VALID with line `n` (1-based) replaced by `text` (or removed when text is null). */
const withLine = (n: number, text: string | null): string =>
  pb(...VALID.flatMap((l, i) => (i + 1 === n ? (text === null ? [] : [text]) : [l])));

function errorOf(text: string): PabulibError {
  try {
    parsePabulib(text);
  } catch (err) {
    if (err instanceof PabulibError) return err;
    throw err;
  }
  throw new Error('expected a PabulibError');
}

describe('parsePabulib', () => {
  it('reads META, PROJECTS and VOTES, costs with a decimal comma', () => {
    const e = parsePabulib(pb(...VALID));
    expect(e.meta).toEqual({
      description: 'Test',
      num_projects: '3',
      num_votes: '2',
      budget: '100',
      vote_type: 'approval',
    });
    expect(e.voteType).toBe('approval');
    expect(e.projects.map((p) => [p.id, p.cost, p.fields.name])).toEqual([
      ['1', 60, 'First'],
      ['2', 40, 'Second'],
      ['3', 30.5, 'Third'],
    ]);
    expect(e.votes).toEqual([
      { voterId: 'a', vote: ['1', '2'], fields: {} },
      { voterId: 'b', vote: ['3'], fields: {} },
    ]);
  });

  it('accepts a BOM, LF line ends, blank lines and spaces around fields', () => {
    const text = '\uFEFF' + VALID.map((l) => l.replace(/;/g, ' ; ')).join('\n') + '\n\n';
    expect(parsePabulib(text)).toEqual(parsePabulib(pb(...VALID)));
  });

  it('reads quoted fields with ;, doubled quotes and line breaks', () => {
    const text = withLine(10, '1;60;"First; the ""best""\nproject"');
    expect(parsePabulib(text).projects[0]?.fields.name).toBe('First; the "best"\nproject');
  });

  it('reads points in vote order and keeps extra columns in order', () => {
    const e = parsePabulib(
      pb(
        'META',
        'key;value',
        'num_projects;2',
        'num_votes;1',
        'budget;10',
        'vote_type;cumulative',
        'max_sum_points;10',
        'PROJECTS',
        'project_id;cost;votes;category',
        'x;5;1;sport',
        'y;5;1;',
        'VOTES',
        'voter_id;age;vote;points;sex',
        '7;31;y,x;6,4;F',
      ),
    );
    expect(e.votes[0]).toEqual({
      voterId: '7',
      vote: ['y', 'x'],
      points: [6, 4],
      fields: { age: '31', sex: 'F' },
    });
    expect(e.voteColumns).toEqual(['voter_id', 'age', 'vote', 'points', 'sex']);
    expect(e.projectColumns).toEqual(['project_id', 'cost', 'votes', 'category']);
    expect(e.projects[1]?.fields).toEqual({ votes: '1', category: '' });
  });

  it('keeps an empty vote as an empty ballot (the voter still counts)', () => {
    const e = parsePabulib(withLine(16, 'b;'));
    expect(e.votes[1]).toEqual({ voterId: 'b', vote: [], fields: {} });
  });

  it('round-trips through writePabulib, with LF line ends on request', () => {
    const e = parsePabulib(withLine(10, '1;60;"semi; colon"'));
    expect(parsePabulib(writePabulib(e))).toEqual(e);
    expect(parsePabulib(writePabulib(e, { lineEnding: '\n' }))).toEqual(e);
    expect(writePabulib(e)).toContain('1;60;"semi; colon"\r\n');
  });

  describe('refuses malformed files with the line of the problem', () => {
    const cases: [string, string, number, RegExp][] = [
      ['no META first', pb(...VALID.slice(7)), 1, /META/],
      [
        'no PROJECTS section',
        pb(...VALID.slice(0, 7), ...VALID.slice(12)),
        8,
        /VOTES section found where PROJECTS/,
      ],
      ['no VOTES section', pb(...VALID.slice(0, 12)), 12, /missing VOTES/],
      [
        'sections out of order',
        pb(...VALID.slice(0, 7), ...VALID.slice(12), ...VALID.slice(7, 12)),
        8,
        /VOTES section found where PROJECTS/,
      ],
      ['a section twice', pb(...VALID, 'VOTES'), 17, /appears twice/],
      ['a bad META header', withLine(2, 'name;value'), 2, /key;value/],
      ['a META row with three fields', withLine(3, 'description;a;b'), 3, /3 fields/],
      ['a META key twice', withLine(4, 'description;again'), 4, /appears twice/],
      ['no budget', withLine(6, null), 1, /"budget"/],
      ['no vote_type', withLine(7, null), 1, /"vote_type"/],
      ['no num_projects', withLine(4, null), 1, /"num_projects"/],
      ['no num_votes', withLine(5, null), 1, /"num_votes"/],
      ['an unknown vote_type', withLine(7, 'vote_type;majority'), 7, /majority/],
      ['a non-numeric budget', withLine(6, 'budget;lots'), 6, /budget "lots"/],
      [
        'num_votes not matching the votes',
        withLine(5, 'num_votes;3'),
        5,
        /num_votes says 3 but the file has 2/,
      ],
      ['num_projects not a number', withLine(4, 'num_projects;three'), 4, /whole number/],
      ['a PROJECTS header without cost', withLine(9, 'project_id;price;name'), 9, /"cost"/],
      ['a column named twice', withLine(9, 'project_id;cost;cost'), 9, /twice/],
      ['a project row with a missing field', withLine(11, '2;40'), 11, /2 fields, the header has 3/],
      ['a project row with an extra field', withLine(11, '2;40;Second;extra'), 11, /4 fields/],
      ['a non-numeric cost', withLine(11, '2;forty;Second'), 11, /cost "forty" of project 2/],
      ['a negative cost', withLine(11, '2;-40;Second'), 11, /non-negative/],
      ['a project id twice', withLine(11, '1;40;Second'), 11, /project_id "1" appears twice/],
      ['an empty project id', withLine(11, ';40;Second'), 11, /empty project_id/],
      ['a VOTES header without vote', withLine(14, 'voter_id;ballot'), 14, /"vote"/],
      ['a vote naming an unknown project', withLine(15, 'a;1,9'), 15, /unknown project "9"/],
      ['a vote naming a project twice', withLine(15, 'a;1,1'), 15, /"1" twice/],
      ['a voter twice', withLine(16, 'a;3'), 16, /voter_id "a" appears twice/],
      ['a vote row with too many fields', withLine(16, 'b;3;x'), 16, /3 fields/],
      ['an unclosed quote', withLine(10, '1;60;"First'), 10, /not closed/],
      ['text after a closing quote', withLine(10, '1;60;"First"x'), 10, /after a closing quote/],
    ];
    it.each(cases)('%s', (_name, text, line, message) => {
      const err = errorOf(text);
      expect(err.line).toBe(line);
      expect(err.message).toMatch(message);
      expect(err.message).toMatch(new RegExp(`^line ${line}: `));
    });

    const cumulative = (votesLines: string[], header = 'voter_id;vote;points'): string =>
      pb(
        'META',
        'key;value',
        'num_projects;2',
        `num_votes;${votesLines.length}`,
        'budget;10',
        'vote_type;cumulative',
        'PROJECTS',
        'project_id;cost',
        'x;5',
        'y;5',
        'VOTES',
        header,
        ...votesLines,
      );
    it.each([
      ['points count not matching the votes', cumulative(['1;x,y;3']), 13, /1 points for 2 projects/],
      ['non-numeric points', cumulative(['1;x,y;3,many']), 13, /points "many"/],
      [
        'points with a decimal comma (it separates the list)',
        cumulative(['1;x;2,5']),
        13,
        /2 points for 1 projects/,
      ],
      ['no points column', cumulative(['1;x'], 'voter_id;vote'), 12, /"points"/],
    ])('%s', (_name, text, line, message) => {
      const err = errorOf(text);
      expect(err.line).toBe(line);
      expect(err.message).toMatch(message);
    });

    it('names the first line of a record that spans lines', () => {
      const text = pb(...VALID.slice(0, 9), '1;60;"two', 'lines"', '2;40;Second;oops', ...VALID.slice(11));
      expect(errorOf(text).line).toBe(12);
    });
  });

  it('never throws anything but PabulibError on mangled input', () => {
    // Deterministic mutations of a valid file: delete, duplicate or insert a special character.
    const base = pb(...VALID);
    const specials = [';', ',', '"', '\n', '\r', 'x', '-', '.'];
    let seed = 42;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let t = 0; t < 2000; t++) {
      let s = base;
      for (let k = 0; k < 1 + rnd(3); k++) {
        const at = rnd(s.length);
        const op = rnd(3);
        s =
          op === 0
            ? s.slice(0, at) + s.slice(at + 1)
            : s.slice(0, at) + (op === 1 ? s[at] : specials[rnd(specials.length)]) + s.slice(at);
      }
      try {
        parsePabulib(s);
      } catch (err) {
        expect(err).toBeInstanceOf(PabulibError);
      }
    }
  });
});
