// data.csv: every row as wide as its header, whatever the breakdown columns.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { flatDataCsv } from '../../src/report/flat-data-csv.js';
import { starterProgramme } from '../../src/spec/starter-programme.js';
import { loadWorkspace } from '../../src/workspace/load-workspace.js';
import { writeProgramme } from '../helpers/programme.js';

describe('data.csv', () => {
  it('the untouched `mel init` programme: headline rows keep their empty breakdown field', async () => {
    const dir = writeProgramme(starterProgramme('starter'));
    const { workspace } = await loadWorkspace(dir, 'indicators/program.yaml');
    if (!workspace) throw new Error('the starter programme does not load');
    const rows: string[][] = parse([...flatDataCsv(workspace.program, workspace.data)].join(''), { bom: true });
    const [header = [], ...data] = rows;
    expect(header.slice(6, 9)).toEqual(['area', 'period', 'period_start']);
    expect(data).toHaveLength(9);
    for (const row of data) expect(row).toHaveLength(header.length);
    const national2020 = data.find((r) => r[6] === '' && r[7] === '2020');
    expect(national2020?.[header.indexOf('value')]).toBe('30.1');
    expect(data.filter((r) => r[6] === 'rural').map((r) => r[header.indexOf('value')])).toEqual(['38.4', '36', '34.1']);
  });
});
