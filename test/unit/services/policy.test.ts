// The policy table has one schema: a range for every key, the rules between keys, no unknown or inherited keys.
// Settings (through the contract), the CLI's --policy file and every plan run on the real store go through it.
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli';
import { dispatch } from '../../../src/main/services/contract/dispatch';
import { createPlanner, type Planner } from '../../../src/main/services/contract/planner';
import { listPolicyValues, putPolicyValue } from '../../../src/main/store/policyValues';
import { JobHost } from '../../../src/main/workers/jobHost';
import { runJob } from '../../../src/main/services/jobs/registry';
import { policyDefaults } from '../../../src/shared/policy';
import { checkPolicyValue, policyProblems } from '../../../src/shared/policy/schema';
import { tempDir } from '../../support/tempDb';
import { TINY_BOM_CSV, TINY_YARN_INVENTORY_CSV } from '../../support/tinyExports';

type Table = Record<string, Record<string, unknown>>;
const defaults = () => structuredClone(policyDefaults) as unknown as Table;
const messages = (table: unknown) => policyProblems(table).map((p) => p.message);

const tmp = tempDir('bkp-policy-');
const dataDir = join(tmp.dir, 'data');
const files = [join(dataDir, 'yarn_inventory.csv'), join(dataDir, 'bom.csv')];

beforeAll(() => {
  mkdirSync(dataDir);
  writeFileSync(files[0], TINY_YARN_INVENTORY_CSV);
  writeFileSync(files[1], TINY_BOM_CSV);
});
afterAll(() => tmp.cleanup());

describe('the policy schema', () => {
  it('accepts the defaults', () => {
    expect(messages(defaults())).toEqual([]);
  });

  it('has a range for every key: absurd values are refused with a message naming the key', () => {
    for (const [area, values] of Object.entries(defaults())) {
      for (const [key, value] of Object.entries(values)) {
        const name = `${area}.${key}`;
        const absurd: unknown[] =
          typeof value === 'number' || value === null
            ? [1e12, -1e12, Number.NaN, Number.POSITIVE_INFINITY, '5']
            : typeof value === 'boolean'
              ? ['yes', 1]
              : typeof value === 'string'
                ? ['no such value', 5]
                : ['a list, not', 7];
        for (const bad of absurd) {
          const table = defaults();
          table[area][key] = bad;
          const found = messages(table);
          expect(found, `${name} = ${String(bad)}`).toHaveLength(1);
          expect(found[0], `${name} = ${String(bad)}`).toContain(`policy ${name}`);
          expect(checkPolicyValue(area, key, bad)).toBe(found[0]);
        }
      }
    }
    const table = defaults();
    table.calendar.horizonWeeks = 1_000_000;
    expect(messages(table)).toEqual(['policy calendar.horizonWeeks must be at most 156 (got 1000000)']);
    expect(checkPolicyValue('calendar', 'horizonWeeks', 12.5)).toBe('policy calendar.horizonWeeks must be a whole number (got 12.5)');
    expect(checkPolicyValue('purchasing', 'lotSizing', 'magic')).toBe(
      'policy purchasing.lotSizing must be one of lotForLot, fixedPeriod, eoq (got "magic")',
    );
    expect(checkPolicyValue('capacity', 'defaultRateLbsPerDay', null)).toBeNull();
  });

  it('keeps the rules between keys: critical below high below medium, and the other ordered pairs', () => {
    const swap = (area: string, key: string, value: number) => {
      const t = defaults();
      t[area][key] = value;
      return messages(t);
    };
    expect(swap('yarn', 'criticalBelowLbs', -100)).toEqual([
      'policy yarn.criticalBelowLbs (-100) must be below yarn.highBelowLbs (-100): the risk bands must read critical < high < medium',
    ]);
    expect(swap('yarn', 'highBelowLbs', 10)).toEqual([
      'policy yarn.highBelowLbs (10) must be below yarn.mediumBelowLbs (0): the risk bands must read critical < high < medium',
    ]);
    expect(swap('capacity', 'bottleneckUtilisationPct', 120)[0]).toMatch(
      /capacity\.bottleneckUtilisationPct \(120\) must be at most capacity\.overloadUtilisationPct \(100\)/,
    );
    expect(swap('alerts', 'lateOrderCriticalDays', 7)[0]).toMatch(
      /alerts\.lateOrderHighDays \(7\) must be below alerts\.lateOrderCriticalDays \(7\)/,
    );
    expect(swap('forecast', 'alphaMin', 0.995)[0]).toMatch(/forecast\.alphaMin \(0\.995\) must be at most forecast\.alphaMax \(0\.99\)/);
    expect(swap('forecast', 'metricsMaxHorizon', 10)[0]).toMatch(
      /forecast\.metricsMaxHorizon \(10\) must be at most forecast\.backtestMaxHorizon \(9\)/,
    );
  });

  it('refuses unknown and inherited keys and areas by name', () => {
    for (const [area, key] of [
      ['yarn', 'constructor'],
      ['yarn', '__proto__'],
      ['yarn', 'toString'],
      ['yarn', 'hasOwnProperty'],
      ['yarn', 'noSuchKey'],
      ['__proto__', 'polluted'],
      ['constructor', 'prototype'],
    ]) {
      expect(checkPolicyValue(area, key, 1)).toBe(`unknown policy setting ${area}.${key}`);
    }
    const fromJson = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}');
    const table = { ...defaults(), yarn: { ...defaults().yarn, ...fromJson } };
    expect(messages(table).sort()).toEqual(['unknown policy setting yarn.__proto__', 'unknown policy setting yarn.constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('Settings on the real store', () => {
  let planner: Planner;
  const store = tempDir('bkp-policy-store-');
  const set = (input: unknown) => dispatch(planner.handlers, 'settings.setPolicy', input);
  const policy = async () => {
    const r = await dispatch(planner.handlers, 'settings.getPolicy', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.data as Table;
  };

  beforeAll(() => {
    planner = createPlanner({
      dbPath: store.dbPath,
      shell: 'test',
      jobs: new JobHost({ dbPath: store.dbPath, mode: 'inline', run: runJob }),
      autoRun: false,
    });
  });
  afterAll(async () => {
    await planner.close();
    store.cleanup();
  });

  it('refuses a horizon of 1,000,000 weeks, saving nothing', async () => {
    expect(await set({ area: 'calendar', key: 'horizonWeeks', value: 1_000_000 })).toMatchObject({
      ok: false,
      error: { message: 'policy calendar.horizonWeeks must be at most 156 (got 1000000)' },
    });
    expect((await policy()).calendar.horizonWeeks).toBe(26);
    expect(listPolicyValues(planner.db)).toEqual([]);
  });

  it('refuses unknown and inherited keys with a message naming them', async () => {
    for (const [area, key] of [
      ['yarn', 'constructor'],
      ['yarn', '__proto__'],
      ['yarn', 'toString'],
      ['__proto__', 'x'],
      ['constructor', 'name'],
    ]) {
      expect(await set({ area, key, value: 1 }), `${area}.${key}`).toMatchObject({
        ok: false,
        error: { message: `unknown policy setting ${area}.${key}` },
      });
    }
    expect(listPolicyValues(planner.db)).toEqual([]);
  });

  it('checks the rules between keys on the table as it would be saved, so related keys can move together', async () => {
    const alone = await set({ area: 'yarn', key: 'criticalBelowLbs', value: -50 });
    expect(alone).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/yarn\.criticalBelowLbs \(-50\) must be below yarn\.highBelowLbs \(-100\)/) },
    });
    const together = await set({
      changes: [
        { area: 'yarn', key: 'criticalBelowLbs', value: -50 },
        { area: 'yarn', key: 'highBelowLbs', value: -20 },
      ],
    });
    expect(together.ok).toBe(true);
    expect((await policy()).yarn).toMatchObject({ criticalBelowLbs: -50, highBelowLbs: -20, mediumBelowLbs: 0 });
    // One bad change refuses the whole batch.
    const mixed = await set({
      changes: [
        { area: 'yarn', key: 'mediumBelowLbs', value: 5 },
        { area: 'calendar', key: 'horizonWeeks', value: 0 },
      ],
    });
    expect(mixed).toMatchObject({ ok: false, error: { message: 'policy calendar.horizonWeeks must be at least 1 (got 0)' } });
    expect((await policy()).yarn.mediumBelowLbs).toBe(0);
  });

  it('refuses to plan with an out-of-range value an older app saved, naming it, until it is changed', async () => {
    const imported = await planner.jobs.wait((await planner.handlers['import.start']({ paths: files, asOf: '2025-09-05' })).jobId);
    expect(imported.status).toBe('done');
    putPolicyValue(planner.db, { area: 'calendar', key: 'horizonWeeks', value: 1_000_000 }, '2026-01-01');
    expect((await policy()).calendar.horizonWeeks).toBe(1_000_000);

    const refused = await planner.jobs.wait((await planner.handlers['plan.run']({})).jobId);
    expect(refused.status).toBe('failed');
    expect(refused.error).toMatch(/policy calendar\.horizonWeeks must be at most 156 \(got 1000000\).*Settings/);

    // The old bad value does not block an unrelated edit (the planner can still work in Settings).
    expect((await set({ area: 'capacity', key: 'defaultPriority', value: 2 })).ok).toBe(true);

    expect((await set({ area: 'calendar', key: 'horizonWeeks', value: 12 })).ok).toBe(true);
    const planned = await planner.jobs.wait((await planner.handlers['plan.run']({})).jobId);
    expect(planned.status).toBe('done');
  });
});

describe('the CLI --policy file', () => {
  const run = async (name: string, policyJson: string | undefined) => {
    const dir = join(tmp.dir, name);
    mkdirSync(dir);
    const lines: string[] = [];
    const args = ['--data', files[0], '--data', files[1], '--db', join(dir, 'p.db'), '--out', join(dir, 'out'), '--as-of', '2025-09-05'];
    if (policyJson !== undefined) {
      writeFileSync(join(dir, 'policy.json'), policyJson);
      args.push('--policy', join(dir, 'policy.json'));
    }
    const code = await runCli(args, (l) => lines.push(l));
    return { code, log: lines.join('\n'), dir };
  };
  const riskOf = (dir: string, yarnId: string) => {
    const [header, ...rows] = readFileSync(join(dir, 'out', 'yarn_position.csv'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    return rows.find((r) => r[0] === yarnId)?.[header.indexOf('risk')];
  };

  it('plans with the policy from the file and saves it like the Settings page does', async () => {
    const plain = await run('plain', undefined);
    expect(plain.code).toBe(0);
    expect(riskOf(plain.dir, '1571')).toBe('MEDIUM'); // planning balance -100 is not below -100
    const tuned = await run('tuned', JSON.stringify({ yarn: { highBelowLbs: -50, criticalBelowLbs: -500 } }));
    expect(tuned.log).toMatch(/policy from .*policy\.json: yarn\.highBelowLbs = -50, yarn\.criticalBelowLbs = -500/);
    expect(tuned.code).toBe(0);
    expect(riskOf(tuned.dir, '1571')).toBe('HIGH');
    const planner = createPlanner({
      dbPath: join(tuned.dir, 'p.db'),
      shell: 'test',
      jobs: new JobHost({ dbPath: join(tuned.dir, 'p.db'), mode: 'inline', run: runJob }),
    });
    try {
      expect(((await planner.handlers['settings.getPolicy']({})) as Table).yarn.highBelowLbs).toBe(-50);
    } finally {
      await planner.close();
    }
  });

  it('refuses a bad file before importing anything, naming the file and every bad key', async () => {
    const bad = await run(
      'bad',
      JSON.stringify({ calendar: { horizonWeeks: 1_000_000 }, yarn: { constructor: 1, highBelowLbs: -2000 }, nosuch: {} }),
    );
    expect(bad.code).toBe(2);
    expect(bad.log).toContain('policy.json');
    expect(bad.log).toContain('policy calendar.horizonWeeks must be at most 156 (got 1000000)');
    expect(bad.log).toContain('unknown policy setting yarn.constructor');
    expect(bad.log).toContain('unknown policy area nosuch');
    expect(bad.log).not.toMatch(/imported/);

    const notJson = await run('notjson', '{ "yarn": ');
    expect(notJson.code).toBe(2);
    expect(notJson.log).toMatch(/policy\.json is not valid JSON/);
    const notTable = await run('nottable', '[1, 2]');
    expect(notTable.code).toBe(2);
    expect(notTable.log).toMatch(/policy\.json must hold an object of areas/);
    const cross = await run('cross', JSON.stringify({ yarn: { highBelowLbs: -2000 } }));
    expect(cross.code).toBe(2);
    expect(cross.log).toContain('policy yarn.criticalBelowLbs (-1000) must be below yarn.highBelowLbs (-2000)');
  });
});
