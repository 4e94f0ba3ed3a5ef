// The liability panel: what the merchant (or the platform, every CNY merchant together) still owes its customers at
// the close of today, from `merchantLiability` / `platformLiability`: a stacked bar per aging bucket of the money
// owed, and a table of every figure of the report, outstanding, by bucket, and what expired unused (breakage).
import { formatAmount, formatMoney, niceCeiling } from './format.js';
import { stackedBarChart } from './svg-chart.js';
import { element } from './dom.js';
import { LIABILITY_TEXTS } from './liability-texts.js';

const MONEY = '{ minorUnits }';
const FIGURES_QUERY = `
  storedValue { principal ${MONEY} bonus ${MONEY} total ${MONEY} }
  timesCards { cards uses value ${MONEY} }
  coupons { count faceValue ${MONEY} deferredRevenue ${MONEY} }
  membershipCards { count deferredRevenue ${MONEY} }
  deferredRevenue ${MONEY} total ${MONEY}`;
const REPORT = `asOf outstanding { ${FIGURES_QUERY} } aging { fromDays toDays liability { ${FIGURES_QUERY} } } breakage { ${FIGURES_QUERY} }`;
// No asOf: the API's today in the merchant's zone (or Shanghai's, for the platform), whatever the browser's clock says.
const QUERY = `query DashboardLiability($merchantId: ID!) {
  merchantLiability(merchantId: $merchantId) { timeZone currency ${REPORT} }
}`;
const PLATFORM_QUERY = `query DashboardPlatformLiability($currency: String!) {
  platformLiability(currency: $currency) { currency ${REPORT} }
}`;

/** The rows of the table, in order: the path of the figure in a LiabilityFigures, and whether it is money. */
export const FIGURES = [
  ['storedValue.principal', true], ['storedValue.bonus', true], ['storedValue.total', true],
  ['timesCards.cards'], ['timesCards.uses'], ['timesCards.value', true],
  ['coupons.count'], ['coupons.faceValue', true], ['coupons.deferredRevenue', true],
  ['membershipCards.count'], ['membershipCards.deferredRevenue', true],
  ['deferredRevenue', true], ['total', true],
];

/** The parts of a bucket's bar, bottom up: together they are its `total` (stored value and deferred revenue). */
const SEGMENTS = [
  ['principal', 'storedValue.principal'], ['bonus', 'storedValue.bonus'], ['timesCards', 'timesCards.value'],
  ['coupons', 'coupons.deferredRevenue'], ['membershipCards', 'membershipCards.deferredRevenue'],
];

/** A figure of a LiabilityFigures: money as its minor units, counts as they are. Integers either way. */
function figure(figures, path) {
  const value = path.split('.').reduce((node, key) => node[key], figures);
  return typeof value === 'object' ? value.minorUnits : value;
}

/** The table's columns: everything owed, each bucket (youngest first), and breakage. */
function columns(report, t) {
  return [
    { id: 'outstanding', label: t('column.outstanding'), figures: report.outstanding },
    ...report.aging.map((bucket) => ({ id: `aging-${bucket.fromDays}`, label: t('bucket')(bucket.fromDays, bucket.toDays), figures: bucket.liability })),
    { id: 'breakage', label: t('column.breakage'), figures: report.breakage },
  ];
}

function chart({ t }, report) {
  const money = (value) => formatMoney(value, report.currency);
  const bars = report.aging.map((bucket) => {
    const label = t('bucket')(bucket.fromDays, bucket.toDays);
    const total = figure(bucket.liability, 'total');
    return {
      label,
      title: t('barTitle')(label, money(total)),
      data: { fromDays: String(bucket.fromDays), toDays: String(bucket.toDays ?? ''), totalMinorUnits: String(total) },
      segments: SEGMENTS.map(([key, path]) => {
        const value = figure(bucket.liability, path);
        return { key, value, title: t('segmentTitle')(t(`segment.${key}`), money(value)) };
      }),
    };
  });
  const svg = stackedBarChart({
    bars,
    top: niceCeiling(Math.max(0, ...bars.map((bar) => Number(bar.data.totalMinorUnits)))),
    tick: (value) => formatAmount(value, report.currency),
    name: t('chartName')(report.asOf, report.currency),
  });
  const legend = element('ul', { class: 'legend' });
  legend.append(...SEGMENTS.map(([key]) => {
    const item = element('li', {}, t(`segment.${key}`));
    item.prepend(element('span', { class: `swatch segment-${key}`, 'aria-hidden': 'true' }));
    return item;
  }));
  const wrapper = element('figure', { class: 'chart-figure' });
  wrapper.append(svg, legend, element('figcaption', { class: 'hint' }, t('chartCaption')(report.currency)));
  return wrapper;
}

function table({ t }, report) {
  const all = columns(report, t);
  const table = element('table', { id: 'liability-figures' });
  table.append(element('caption', {}, t('tableCaption')), element('thead'), element('tbody'));
  const head = element('tr');
  head.append(element('th', { scope: 'col' }, t('column.figure')), ...all.map((column) => element('th', { scope: 'col', 'data-column': column.id }, column.label)));
  table.tHead.append(head);
  for (const [path, money] of FIGURES) {
    const row = element('tr', { 'data-figure': path });
    row.append(element('th', { scope: 'row' }, t(`figure.${path}`)));
    for (const column of all) {
      const value = figure(column.figures, path);
      row.append(element('td', { 'data-column': column.id, 'data-value': String(value) }, money ? formatMoney(value, report.currency) : String(value)));
    }

    table.tBodies[0].append(row);
  }

  const scroll = element('div', { class: 'table-scroll' });
  scroll.append(table);
  return scroll;
}

/** Nothing owed and nothing expired: every figure of the report is zero. */
function isEmpty(report) {
  return [report.outstanding, report.breakage].every((figures) => FIGURES.every(([path]) => figure(figures, path) === 0));
}

export const liabilityPanel = {
  id: 'liability',
  texts: LIABILITY_TEXTS,
  async load({ merchant, request }) {
    if (merchant.platform) {
      const data = await request(PLATFORM_QUERY, { currency: merchant.currency });
      return { ...data.platformLiability, timeZone: null };
    }

    return (await request(QUERY, { merchantId: merchant.id })).merchantLiability;
  },
  render(context, report) {
    const { section, t } = context;
    const empty = isEmpty(report);
    section.dataset.empty = String(empty);
    section.dataset.asOf = report.asOf;
    section.setAttribute('aria-labelledby', 'liability-heading');
    const parts = [element('h3', { id: 'liability-heading' }, t('heading')), element('p', { class: 'hint', id: 'liability-as-of' }, t('asOf')(report.asOf, report.timeZone))];
    if (empty) {
      parts.push(element('p', { id: 'liability-empty', class: 'empty' }, t('empty')));
    } else {
      const money = (figures) => formatMoney(figure(figures, 'total'), report.currency);
      parts.push(element('p', { id: 'liability-summary' }, t('summary')(money(report.outstanding), money(report.breakage))), chart(context, report), table(context, report));
    }

    section.replaceChildren(...parts);
  },
};
