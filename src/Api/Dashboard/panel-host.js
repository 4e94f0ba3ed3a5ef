// Runs the dashboard's panels (dashboard-panels.js) for one merchant: a section each, every panel loaded on its
// own so a slow or refused one holds up none of the others, and drawn again from the same data on a language switch.
import { ApiError, AuthError, authorized } from './session.js';
import { PANELS } from './dashboard-panels.js';

export class PanelHost {
  /**
   * `view`: { merchant, range }. `page`: { language(), text(key) (the page's own texts: loading, failed),
   * fail(error) (says why a panel is missing: a lost session, a refusal, a failure) }.
   */
  constructor(container, view, page) {
    this.container = container;
    this.view = view;
    this.page = page;
    this.loaded = new Map();
    this.closed = false;
  }

  async open() {
    this.container.replaceChildren(...PANELS.map((panel) => this.section(panel)));
    await Promise.all(PANELS.map((panel) => this.load(panel)));
  }

  /** Stops drawing (a late answer for a merchant no longer shown is dropped) and leaves no figure in the page. */
  close() {
    this.closed = true;
    this.container.replaceChildren();
  }

  redraw() {
    for (const panel of PANELS) {
      if (this.loaded.has(panel.id)) {
        panel.render(this.context(panel), this.loaded.get(panel.id));
      }
    }
  }

  section(panel) {
    const section = document.createElement('section');
    section.id = `panel-${panel.id}`;
    section.className = 'panel';
    section.dataset.state = 'loading';
    section.setAttribute('aria-busy', 'true');
    const heading = document.createElement('h3');
    heading.textContent = this.page.text('loading');
    section.append(heading);
    return section;
  }

  context(panel) {
    const texts = panel.texts[this.page.language()];
    const section = this.container.querySelector(`#panel-${panel.id}`);
    return { ...this.view, request: authorized, section, language: this.page.language(), t: (key) => texts[key] };
  }

  async load(panel) {
    const context = this.context(panel);
    try {
      const data = await panel.load(context);
      if (!this.closed) {
        this.loaded.set(panel.id, data);
        context.section.dataset.state = 'ready';
        panel.render(this.context(panel), data);
      }
    } catch (error) {
      if (!this.closed) {
        this.failed(context.section, error);
      }
    } finally {
      context.section.removeAttribute('aria-busy');
    }
  }

  /** Refused (FORBIDDEN, NOT_FOUND): the panel is left out. Failed: it says so in place. The page says why. */
  failed(section, error) {
    if (!(error instanceof AuthError)) {
      const code = error instanceof ApiError ? error.code : 'unexpected';
      section.dataset.state = code === 'FORBIDDEN' || code === 'NOT_FOUND' ? 'refused' : 'failed';
      section.hidden = section.dataset.state === 'refused';
      section.lastChild.textContent = section.dataset.state === 'failed' ? this.page.text('failed') : '';
    }

    this.page.fail(error);
  }
}
