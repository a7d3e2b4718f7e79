import { describe, expect, it } from 'vitest';
import { escapeHtml, formatNumber, pageHeaderText, renderReport } from '../../../src/main/reports/html';
import { columnChart, hBarChart, niceStep } from '../../../src/main/reports/svg';

describe('report HTML', () => {
  const html = renderReport({
    title: 'Shortage <report>',
    asOf: '2025-09-02',
    printedAt: '2025-09-02T14:05:33',
    pageSize: 'Letter',
    kpis: [{ label: 'Short yarns', value: 1234, tone: 'bad' }],
    sections: [
      {
        heading: 'Yarn & more',
        svg: '<svg></svg>',
        table: {
          columns: [
            { key: 'yarn', label: 'Yarn' },
            { key: 'lbs', label: 'Balance lbs', align: 'right', decimals: 1, negativeBad: true },
            { key: 'note', label: 'Note' },
          ],
          rows: [
            { yarn: '18669', lbs: -1234.56, note: { text: '<script>alert(1)</script>', tone: 'warn' } },
            { yarn: 'O\'Brien "x"', lbs: 12, note: null },
          ],
          totals: { yarn: 'Total', lbs: -1222.56 },
        },
      },
      { heading: 'Empty', table: { columns: [{ key: 'a', label: 'A' }], rows: [], emptyText: 'No rows.' } },
    ],
  });

  it('escapes every text and keeps the SVG as given', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('O&#39;Brien &quot;x&quot;');
    expect(html).toContain('<h1>Shortage &lt;report&gt;</h1>');
    expect(html).toContain('<h2>Yarn &amp; more</h2>');
    expect(html).toContain('<div class="chart"><svg></svg></div>');
  });

  it('prints for paper: landscape page size, repeating header rows, title line for the page header', () => {
    expect(html).toContain('@page { size: Letter landscape;');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('<title>Shortage &lt;report&gt;  ·  As of 2025-09-02  ·  Printed 2025-09-02 14:05</title>');
    expect(pageHeaderText({ title: 'T', asOf: '2025-09-02', printedAt: '2025-09-02T08:00:00Z', subtitle: 'Scenario A' })).toBe(
      'T  ·  Scenario A  ·  As of 2025-09-02  ·  Printed 2025-09-02 08:00',
    );
  });

  it('formats numbers, tones negatives, prints totals and empty tables', () => {
    expect(html).toContain('<td class="num bad">-1,234.6</td>');
    expect(html).toContain('<td class="num">12.0</td>');
    expect(html).toContain('<tfoot><tr><td>Total</td><td class="num bad">-1,222.6</td><td></td></tr></tfoot>');
    expect(html).toContain('<p class="empty">No rows.</p>');
    expect(html).toContain('<div class="value">1,234</div>');
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(escapeHtml(undefined)).toBe('');
  });
});

describe('SVG charts', () => {
  it('draws one bar per row, scales to the axis and escapes labels', () => {
    const svg = hBarChart({
      bars: [
        { label: 'A<1>', value: 50 },
        { label: 'B', value: 400, tone: 'bad' },
        { label: 'C', value: null },
      ],
      maxValue: 200,
      refLines: [{ value: 100, label: '100 %' }],
      width: 1000,
      labelWidth: 100,
      valueWidth: 60,
    });
    expect(svg).toContain('A&lt;1&gt;');
    // plot width = 1000 - 100 labels - 60 values = 840; 50/200 of it = 210; 400 is clipped to the full 840.
    // (valueWidth 60 is set below.)
    expect(svg).toContain('width="210" height="13" fill="#1f4e79"');
    expect(svg).toContain('width="840" height="13" fill="#b91c1c"');
    expect(svg).toContain('>n/a<');
    expect((svg.match(/<rect /g) ?? []).length).toBe(3);
    expect(svg).toContain('stroke-dasharray="4 3"');
  });

  it('stacks columns and draws the capacity line', () => {
    const svg = columnChart({
      categories: ['W36', 'W37'],
      stacked: [
        { name: 'Assigned', values: [4, 2], color: '#111111' },
        { name: 'Unassigned', values: [1, 0], color: '#222222' },
      ],
      line: { name: 'Available', values: [5, 6], color: '#333333' },
    });
    expect((svg.match(/fill="#111111"/g) ?? []).length).toBe(3); // 2 columns + legend swatch
    expect((svg.match(/fill="#222222"/g) ?? []).length).toBe(2); // 1 non-zero column + legend swatch
    expect(svg).toContain('<polyline');
    expect(niceStep(0.7)).toBe(1);
    expect(niceStep(13)).toBe(20);
    expect(niceStep(23)).toBe(25);
  });
});
