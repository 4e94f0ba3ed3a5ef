// The sales panel: the merchant's last 30 local days from `merchantSales`, as a bar chart of the bill per day
// (with the exact figures of each day in its title), the same days as a table (the chart's text alternative),
// and the range's totals: every figure the report gives.
import { formatAmount, formatMoney, niceCeiling, shortDate } from './format.js';
import { barChart } from './svg-chart.js';
import { element } from './dom.js';
import { SALES_TEXTS } from './sales-texts.js';

const MONEY = '{ minorUnits }';
const TOTALS = `
  payments { count bill ${MONEY} membershipDiscount ${MONEY} couponDiscount ${MONEY} fromPrincipal ${MONEY}
             fromBonus ${MONEY} paidOutside ${MONEY} timesCardUses }
  reversals { count principal ${MONEY} bonus ${MONEY} outside ${MONEY} timesCardUses }
  recharges { count principal ${MONEY} bonus ${MONEY} }
  cardSales { count amount ${MONEY} }
  couponSales { count amount ${MONEY} }
  net ${MONEY}`;
const QUERY = `query DashboardSales($merchantId: ID!, $from: Date!, $to: Date!) {
  merchantSales(merchantId: $merchantId, from: $from, to: $to, granularity: DAY) {
    timeZone currency from to
    periods { from to ${TOTALS} }
    total { ${TOTALS} }
  }
}`;
const PLATFORM_QUERY = `query DashboardPlatformSales($currency: String!, $from: Date!, $to: Date!) {
  platformSales(currency: $currency, from: $from, to: $to, granularity: DAY) {
    currency from to
    periods { from to ${TOTALS} }
    total { ${TOTALS} }
  }
}`;

/** The rows of the totals table, in order: the path of the figure in a period, and whether it is money. */
export const FIGURES = [
  ['payments.count'], ['payments.bill', true], ['payments.membershipDiscount', true], ['payments.couponDiscount', true],
  ['payments.fromPrincipal', true], ['payments.fromBonus', true], ['payments.paidOutside', true], ['payments.timesCardUses'],
  ['reversals.count'], ['reversals.principal', true], ['reversals.bonus', true], ['reversals.outside', true], ['reversals.timesCardUses'],
  ['recharges.count'], ['recharges.principal', true], ['recharges.bonus', true],
  ['cardSales.count'], ['cardSales.amount', true], ['couponSales.count'], ['couponSales.amount', true],
  ['net', true],
];

const COUNTS = ['payments', 'reversals', 'recharges', 'cardSales', 'couponSales'];

/** A figure of a period: money as its minor units, counts as they are. Integers either way. */
function figure(period, path, money) {
  const value = path.split('.').reduce((node, key) => node[key], period);
  return money ? value.minorUnits : value;
}

function chart(context, report) {
  const { t } = context;
  const bills = report.periods.map((day) => figure(day, 'payments.bill', true));
  const bars = report.periods.map((day, index) => ({
    label: shortDate(day.from),
    value: bills[index],
    title: t('barTitle')(day.from, day.payments.count, formatMoney(bills[index], report.currency), formatMoney(day.net.minorUnits, report.currency)),
    data: { date: day.from, count: String(day.payments.count), billMinorUnits: String(bills[index]), netMinorUnits: String(day.net.minorUnits) },
  }));
  const svg = barChart({
    bars,
    top: niceCeiling(Math.max(0, ...bills)),
    tick: (value) => formatAmount(value, report.currency),
    name: t('chartName')(report.from, report.to, report.currency),
  });
  const wrapper = element('figure', { class: 'chart-figure' });
  wrapper.append(svg, element('figcaption', { class: 'hint' }, t('chartCaption')(report.currency)));
  return wrapper;
}

function daysTable(context, report) {
  const { t } = context;
  const table = element('table', { id: 'sales-days' });
  table.append(element('caption', {}, t('daysCaption')));
  const head = element('tr');
  head.append(...['date', 'payments', 'bill', 'net'].map((key) => element('th', { scope: 'col' }, t(`column.${key}`))));
  table.append(element('thead'), element('tbody'));
  table.tHead.append(head);
  for (const day of report.periods) {
    const row = element('tr', { 'data-date': day.from });
    row.append(
      element('th', { scope: 'row' }, day.from),
      element('td', { 'data-value': String(day.payments.count) }, String(day.payments.count)),
      element('td', { 'data-value': String(day.payments.bill.minorUnits) }, formatMoney(day.payments.bill.minorUnits, report.currency)),
      element('td', { 'data-value': String(day.net.minorUnits) }, formatMoney(day.net.minorUnits, report.currency)));
    table.tBodies[0].append(row);
  }

  const details = element('details', { class: 'days' });
  details.append(element('summary', {}, t('daysSummary')), table);
  return details;
}

function totalsTable(context, report) {
  const table = element('table', { id: 'sales-totals' });
  table.append(element('caption', {}, context.t('totalsCaption')(report.from, report.to)), element('tbody'));
  for (const [path, money] of FIGURES) {
    const value = figure(report.total, path, money);
    const row = element('tr', { 'data-figure': path, 'data-value': String(value) });
    row.append(element('th', { scope: 'row' }, context.t(`figure.${path}`)), element('td', {}, money ? formatMoney(value, report.currency) : String(value)));
    table.tBodies[0].append(row);
  }

  return table;
}

export const salesPanel = {
  id: 'sales',
  texts: SALES_TEXTS,
  async load({ merchant, range, request }) {
    if (merchant.platform) {
      const data = await request(PLATFORM_QUERY, { currency: merchant.currency, from: range.from, to: range.to });
      return { ...data.platformSales, timeZone: null };
    }

    const data = await request(QUERY, { merchantId: merchant.id, from: range.from, to: range.to });
    return data.merchantSales;
  },
  render(context, report) {
    const { section, t } = context;
    const empty = COUNTS.every((key) => report.total[key].count === 0);
    section.dataset.empty = String(empty);
    section.setAttribute('aria-labelledby', 'sales-heading');
    const parts = [element('h3', { id: 'sales-heading' }, t('heading')), element('p', { class: 'hint', id: 'sales-zone' }, report.timeZone ? t('zone')(report.timeZone) : t('platformZone'))];
    if (empty) {
      parts.push(element('p', { id: 'sales-empty', class: 'empty' }, t('empty')));
    } else {
      parts.push(chart(context, report), daysTable(context, report), totalsTable(context, report));
    }

    section.replaceChildren(...parts);
  },
};
