// What the analysts' dashboard (/dashboard) shows, read from the page as a user (or a screen reader) would:
// the screen, the error line, the range, each panel's state, and the sales panel's chart bars (their titles and
// data-* attributes), its table per day and its totals table. Evaluated in the page by drive.mjs.
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
    consoleLink: byId('console-link')?.getAttribute('href') ?? null,
    storage: { localStorageKeys: Object.keys(localStorage), sessionStorageKeys: Object.keys(sessionStorage) },
    url: location.href,
  };
};
