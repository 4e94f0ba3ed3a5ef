// What the analysts' dashboard (/dashboard) shows, read from the page as a user (or a screen reader) would:
// the screen, the error line, the range, each panel's state, and the sales panel's chart bars (their titles and
// data-* attributes), its table per day and its totals table; the liability panel's aging bars (each part with
// its value and drawn height) and its table of figures by column; the top-coupons panel's rows. Evaluated in the
// page by drive.mjs.
export const DASHBOARD_SNAPSHOT = () => {
  const byId = (id) => document.getElementById(id);
  const visible = (element) => element !== null && !element.hidden && element.offsetParent !== null;
  const error = byId('error');
  const range = byId('range');
  const rows = (selector) => [...document.querySelectorAll(selector)];
  return {
    lang: document.documentElement.lang,
    screen: ['sign-in', 'merchant-picker', 'dashboard'].find((id) => visible(byId(id))) ?? null,
    codeFormVisible: visible(byId('code-form')),
    error: error.hidden ? null : { code: error.dataset.code ?? null, text: error.textContent },
    merchantName: byId('merchant-name').textContent,
    merchantOptions: rows('#merchant option').map((option) => option.textContent),
    noMerchant: visible(byId('no-merchant')) ? byId('no-merchant').textContent : null,
    range: range.dataset.from ? { from: range.dataset.from, to: range.dataset.to, timeZone: range.dataset.timeZone, text: range.textContent } : null,
    panels: rows('#panels > section').map((section) => ({
      id: section.id,
      state: section.dataset.state,
      hidden: section.hidden,
      empty: section.dataset.empty ?? null,
      heading: section.querySelector('h3')?.textContent ?? null,
    })),
    salesEmpty: byId('sales-empty')?.textContent ?? null,
    chartName: document.querySelector('#panel-sales svg')?.getAttribute('aria-label') ?? null,
    bars: rows('#panel-sales svg .bar-group').map((group) => ({
      date: group.dataset.date,
      count: Number(group.dataset.count),
      billMinorUnits: Number(group.dataset.billMinorUnits),
      netMinorUnits: Number(group.dataset.netMinorUnits),
      title: group.querySelector('title').textContent,
      height: Number(group.querySelector('rect.bar').getAttribute('height')),
    })),
    axisLabels: rows('#panel-sales svg text').map((text) => text.textContent),
    days: rows('#sales-days tbody tr').map((row) => ({
      date: row.dataset.date,
      cells: [...row.cells].map((cell) => cell.textContent),
      values: [...row.querySelectorAll('td')].map((cell) => Number(cell.dataset.value)),
    })),
    totals: rows('#sales-totals tbody tr').map((row) => ({
      figure: row.dataset.figure,
      value: Number(row.dataset.value),
      label: row.cells[0].textContent,
      text: row.cells[1].textContent,
    })),
    liability: byId('liability-as-of') ? {
      asOf: byId('panel-liability').dataset.asOf,
      text: byId('liability-as-of').textContent,
      summary: byId('liability-summary')?.textContent ?? null,
      empty: byId('liability-empty')?.textContent ?? null,
      chartName: document.querySelector('#panel-liability svg')?.getAttribute('aria-label') ?? null,
      bars: rows('#panel-liability svg .bar-group').map((group) => ({
        fromDays: Number(group.dataset.fromDays),
        toDays: group.dataset.toDays === '' ? null : Number(group.dataset.toDays),
        totalMinorUnits: Number(group.dataset.totalMinorUnits),
        title: group.querySelector('title').textContent,
        segments: [...group.querySelectorAll('rect.segment')].map((rect) => ({
          key: rect.dataset.key,
          value: Number(rect.dataset.value),
          title: rect.querySelector('title').textContent,
          height: Number(rect.getAttribute('height')),
        })),
      })),
      xLabels: rows('#panel-liability svg text.x-label').map((text) => text.textContent),
      columns: rows('#liability-figures thead th[data-column]').map((th) => ({ id: th.dataset.column, label: th.textContent })),
      rows: rows('#liability-figures tbody tr').map((row) => ({
        figure: row.dataset.figure,
        label: row.cells[0].textContent,
        cells: [...row.querySelectorAll('td')].map((cell) => ({ column: cell.dataset.column, value: Number(cell.dataset.value), text: cell.textContent })),
      })),
    } : null,
    coupons: byId('coupons-heading') ? {
      platform: byId('coupons-platform')?.textContent ?? null,
      empty: byId('coupons-empty')?.textContent ?? null,
      range: byId('coupons-range')?.textContent ?? null,
      order: byId('coupons-top')?.dataset.order ?? null,
      rows: rows('#coupons-top tbody tr').map((row) => ({
        itemId: row.dataset.itemId,
        cells: [...row.cells].map((cell) => ({ column: cell.dataset.column, value: cell.dataset.value ?? null, text: cell.textContent })),
      })),
    } : null,
    consoleLink: byId('console-link')?.getAttribute('href') ?? null,
    storage: { localStorageKeys: Object.keys(localStorage), sessionStorageKeys: Object.keys(sessionStorage) },
    url: location.href,
  };
};
