// The dashboard's panels, in page order: the one place a panel is plugged in.
//
// A panel is a module exporting an object:
//   id       a short name; its section is #panel-{id} with data-state loading | ready | refused | failed
//   texts    { 'zh-CN': {...}, 'en-US': {...} }: its own words, `heading` at least
//   load(context)          asks the API (context.request(query, variables)) and returns what it needs to draw
//   render(context, data)  draws into context.section (again on a language switch, from the same data)
// context: { merchant: { id, name, timeZone, currency }, range: { from, to } (the merchant's local dates, the
// last 30 days), request, section, language, t(key) (the panel's texts in the page's language) }.
// A panel that the API refuses (FORBIDDEN) is left out and the page says why; one that fails says so in place.
import { salesPanel } from './sales-panel.js';
import { liabilityPanel } from './liability-panel.js';
import { couponsPanel } from './coupons-panel.js';

export const PANELS = [salesPanel, liabilityPanel, couponsPanel];
