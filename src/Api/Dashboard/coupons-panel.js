// The top-coupons panel: the merchant's coupon templates over the last 30 local days from
// `merchantInstrumentPerformance`, the first ten by payments that used them or by redemption rate (the API ranks
// them both ways in one request; the choice only picks which ranking is shown). The platform has no such report:
// the panel says so instead of asking.
import { formatMinutes, formatMoney, formatRate } from './format.js';
import { element } from './dom.js';
import { COUPONS_TEXTS } from './coupons-texts.js';

const TOP = 10;
const ORDERS = ['REDEEMED', 'REDEMPTION_RATE'];
const ITEM = 'itemId kind name issued { total } redeemed bill { minorUnits } discount { minorUnits } expired redemptionRate medianMinutesToRedeem';
const QUERY = `query DashboardCoupons($merchantId: ID!, $from: Date!, $to: Date!) {
  REDEEMED: merchantInstrumentPerformance(merchantId: $merchantId, from: $from, to: $to, orderBy: REDEEMED) { timeZone currency from to items { ${ITEM} } }
  REDEMPTION_RATE: merchantInstrumentPerformance(merchantId: $merchantId, from: $from, to: $to, orderBy: REDEMPTION_RATE) { items { ${ITEM} } }
}`;

/** The columns after the rank and the name: the figure of a row, and how it is written (its raw value goes in data-value). */
const COLUMNS = [
  ['issued', (item) => item.issued.total, String],
  ['redeemed', (item) => item.redeemed, String],
  ['redemptionRate', (item) => item.redemptionRate, formatRate],
  ['medianMinutesToRedeem', (item) => item.medianMinutesToRedeem, (value, t) => formatMinutes(value, t('minutes'))],
  ['bill', (item) => item.bill.minorUnits, (value, t, currency) => formatMoney(value, currency)],
  ['discount', (item) => item.discount.minorUnits, (value, t, currency) => formatMoney(value, currency)],
  ['expired', (item) => item.expired, String],
];

/** The first ten coupon templates in the API's order (the report also has card products: not this panel's). */
function topCoupons(items) {
  return items.filter((item) => item.kind === 'COUPON').slice(0, TOP);
}

function orderPicker(context, report) {
  const { t } = context;
  const form = element('form', { id: 'coupons-order-form', class: 'inline' });
  const select = element('select', { id: 'coupons-order' });
  select.append(...ORDERS.map((order) => new Option(t(`order.${order}`), order, false, order === report.order)));
  select.addEventListener('change', () => {
    report.order = select.value;
    couponsPanel.render(context, report);
    context.section.querySelector('#coupons-order')?.focus();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  form.append(element('label', { for: 'coupons-order' }, t('orderLabel')), select);
  return form;
}

function table({ t }, report) {
  const table = element('table', { id: 'coupons-top', 'data-order': report.order });
  table.append(element('caption', {}, t('caption')(t(`order.${report.order}`))), element('thead'), element('tbody'));
  const head = element('tr');
  head.append(...['rank', 'name', ...COLUMNS.map(([id]) => id)].map((id) => element('th', { scope: 'col', 'data-column': id }, t(`column.${id}`))));
  table.tHead.append(head);
  topCoupons(report[report.order]).forEach((item, index) => {
    const row = element('tr', { 'data-item-id': item.itemId });
    row.append(element('td', { 'data-column': 'rank' }, String(index + 1)), element('th', { scope: 'row', 'data-column': 'name' }, item.name));
    for (const [id, value, write] of COLUMNS) {
      const raw = value(item);
      row.append(element('td', { 'data-column': id, 'data-value': raw === null ? '' : String(raw) }, raw === null ? t('none') : write(raw, t, report.currency)));
    }

    table.tBodies[0].append(row);
  });
  const scroll = element('div', { class: 'table-scroll' });
  scroll.append(table);
  return scroll;
}

export const couponsPanel = {
  id: 'coupons',
  texts: COUPONS_TEXTS,
  async load({ merchant, range, request }) {
    if (merchant.platform) {
      return { platform: true };
    }

    const data = await request(QUERY, { merchantId: merchant.id, from: range.from, to: range.to });
    return { ...data.REDEEMED, REDEEMED: data.REDEEMED.items, REDEMPTION_RATE: data.REDEMPTION_RATE.items, order: ORDERS[0] };
  },
  render(context, report) {
    const { section, t } = context;
    section.setAttribute('aria-labelledby', 'coupons-heading');
    const parts = [element('h3', { id: 'coupons-heading' }, t('heading'))];
    section.dataset.platform = String(Boolean(report.platform));
    if (report.platform) {
      section.dataset.empty = 'true';
      parts.push(element('p', { id: 'coupons-platform', class: 'empty' }, t('platform')));
      section.replaceChildren(...parts);
      return;
    }

    const empty = topCoupons(report.REDEEMED).length === 0;
    section.dataset.empty = String(empty);
    parts.push(element('p', { class: 'hint', id: 'coupons-range' }, t('range')(report.from, report.to, report.timeZone)));
    if (empty) {
      parts.push(element('p', { id: 'coupons-empty', class: 'empty' }, t('empty')));
    } else {
      parts.push(orderPicker(context, report), table(context, report), element('p', { class: 'hint' }, t('note')));
    }

    section.replaceChildren(...parts);
  },
};
