// The CLI logs how long each phase took (`cli: phases (ms): ...`) and `npm run bench` reads that line back: the two
// must agree, and a phase that began after an earlier one than the last (the forecast, from the import's end) must
// be timed from there.
import { describe, expect, it, vi } from 'vitest';
import { PhaseClock } from '../../../src/main/cli';
import { cliPhases } from '../../bench/process';

describe('the CLI phase clock', () => {
  it('times each phase from the end of the one it followed, in a line the bench reads back', () => {
    const now = vi.spyOn(performance, 'now');
    now.mockReturnValueOnce(200); // start-up ends
    const clock = new PhaseClock();
    now.mockReturnValueOnce(1_700); // import
    clock.mark('import');
    now.mockReturnValueOnce(2_000); // plan
    clock.mark('plan');
    now.mockReturnValueOnce(3_450); // the forecast, started when the import ended
    clock.mark('forecast beside the plan', 'import');
    now.mockRestore();
    const line = clock.line();
    expect(line).toBe(
      'phases (ms): start-up 200 (0-200), import 1,500 (200-1,700), plan 300 (1,700-2,000), forecast beside the plan 1,750 (1,700-3,450)',
    );
    expect(cliPhases(`2026-12-07T00:00:00.000Z INFO cli: ${line}\n`)).toEqual({
      'start-up': 200,
      import: 1_500,
      plan: 300,
      'forecast beside the plan': 1_750,
    });
    expect(cliPhases('no phases here\n')).toBeUndefined();
  });
});
