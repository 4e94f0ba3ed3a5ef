// The analysts' dashboard: sign in as in the console, choose a merchant, and read its panels (dashboard-panels.js).
//
// No framework and no build step: ES modules served as they are, under a CSP that allows only scripts from this
// origin. Every figure comes from /graphql; the page computes only the dates of its range and the chart's geometry.
import { ApiError, AuthError, authorized, requestCode, session, signIn, signOut } from './session.js';
import { addDays, todayIn } from './format.js';
import { PanelHost } from './panel-host.js';
import { TEXTS } from './texts.js';

const $ = (id) => document.getElementById(id);
const RANGE_DAYS = 30;
const MERCHANT_FIELDS = 'id name status timeZone currency';

/** The platform as the picker offers it: its report's range is counted in Shanghai, where the platform runs. */
const PLATFORM = { id: 'platform:CNY', timeZone: 'Asia/Shanghai', currency: 'CNY' };

let language = pickLanguage();
let lastError = null;
let codeSentTo = null;
let merchants = [];
let opened = null; // { merchant, range, panels: PanelHost }

function pickLanguage() {
  const chosen = localStorage.getItem('codescan.console.language');
  if (chosen && TEXTS[chosen]) {
    return chosen;
  }

  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

const t = () => TEXTS[language];

function applyLanguage() {
  document.documentElement.lang = language;
  document.title = `${t().title} · CodeScan`;
  $('language').value = language;
  for (const element of document.querySelectorAll('[data-text]')) {
    element.textContent = t()[element.dataset.text];
  }

  if (codeSentTo) {
    $('code-sent').textContent = t().codeSent(codeSentTo);
  }

  if (lastError) {
    showError(lastError);
  }

  if (opened) {
    showRange();
    opened.panels.redraw();
  }
}

function showError(key) {
  lastError = key;
  $('error').textContent = t().errors[key] ?? t().errors.unexpected;
  $('error').dataset.code = key;
  $('error').hidden = false;
}

function clearError() {
  lastError = null;
  $('error').hidden = true;
  $('error').textContent = '';
  delete $('error').dataset.code;
}

function show(screen) {
  for (const id of ['sign-in', 'merchant-picker', 'dashboard']) {
    $(id).hidden = id !== screen;
  }

  $('sign-out').hidden = screen === 'sign-in';
}

function showSignIn(errorKey) {
  closeMerchant();
  show('sign-in');
  $('phone-form').hidden = false;
  $('code-form').hidden = true;
  codeSentTo = null;
  if (errorKey) {
    showError(errorKey);
  }

  $('phone').focus();
}

/** A lost session goes back to sign-in; anything else is said in the error line. */
function fail(error) {
  if (error instanceof AuthError) {
    session.forget();
    showSignIn('sessionExpired');
  } else {
    showError(error instanceof ApiError ? error.code : 'unexpected');
  }
}

/** Runs a step of the page, saying what went wrong. */
async function attempt(button, work) {
  if (button) {
    button.disabled = true;
  }

  try {
    await work();
  } catch (error) {
    fail(error);
  } finally {
    if (button) {
      button.disabled = false;
    }
  }
}

async function onRequestCode(event) {
  event.preventDefault();
  clearError();
  const phone = $('phone').value.trim();
  if (!phone) {
    showError('phoneRequired');
    return;
  }

  await attempt($('request-code'), async () => {
    const refused = await requestCode(phone, language === 'zh-CN' ? 'ZH_CN' : 'EN_US');
    if (refused) {
      showError(refused);
      return;
    }

    codeSentTo = phone;
    $('code-sent').textContent = t().codeSent(phone);
    $('phone-form').hidden = true;
    $('code-form').hidden = false;
    $('code').value = '';
    $('code').focus();
  });
}

async function onSignIn(event) {
  event.preventDefault();
  clearError();
  const code = $('code').value.trim();
  if (!/^[0-9]{6}$/.test(code)) {
    showError('codeRequired');
    return;
  }

  await attempt($('submit-code'), async () => {
    const refused = await signIn(codeSentTo, code);
    if (refused) {
      showError(refused);
      $('code').select();
      return;
    }

    codeSentTo = null;
    await loadMerchants();
  });
}

/**
 * The user's own merchants (owner, cashier, analyst) and, for a platform admin or analyst, the platform itself:
 * every merchant trading in CNY together (`platformSales`), its days each merchant's own.
 */
async function loadMerchants() {
  const mine = await authorized(`{ me { isPlatformAdmin isPlatformAnalyst } myMerchants { ${MERCHANT_FIELDS} } }`);
  const found = mine.myMerchants.filter((merchant) => merchant.status === 'APPROVED');
  if (mine.me.isPlatformAdmin || mine.me.isPlatformAnalyst) {
    found.unshift({ id: PLATFORM.id, name: t().platform, timeZone: PLATFORM.timeZone, currency: PLATFORM.currency, platform: true });
  }

  merchants = found;
  const remembered = merchants.find((merchant) => merchant.id === session.merchantId);
  if (remembered || merchants.length === 1) {
    await openMerchant(remembered ?? merchants[0]);
    return;
  }

  show('merchant-picker');
  $('merchant').replaceChildren(...merchants.map((merchant) => new Option(merchant.name, merchant.id)));
  $('merchant-form').hidden = merchants.length === 0;
  $('no-merchant').hidden = merchants.length > 0;
}

/** Opens a merchant's dashboard: the last 30 of its local days, today included, each panel loaded on its own. */
async function openMerchant(merchant) {
  clearError();
  session.merchantId = merchant.id;
  const to = todayIn(merchant.timeZone);
  const view = { merchant, range: { from: addDays(to, 1 - RANGE_DAYS), to } };
  closeMerchant();
  const panels = new PanelHost($('panels'), view, { language: () => language, text: (key) => t()[key], fail });
  opened = { ...view, panels };
  show('dashboard');
  $('merchant-name').textContent = merchant.name;
  $('switch-merchant').hidden = merchants.length < 2;
  showRange();
  await panels.open();
}

/** Leaves no figure of the last merchant in the page (on sign-out, or before choosing another). */
function closeMerchant() {
  opened?.panels.close();
  opened = null;
  $('merchant-name').textContent = '';
  $('range').textContent = '';
  delete $('range').dataset.from;
  delete $('range').dataset.to;
  delete $('range').dataset.timeZone;
}

function showRange() {
  const { range, merchant } = opened;
  $('range').textContent = t().range(range.from, range.to, merchant.timeZone);
  $('range').dataset.from = range.from;
  $('range').dataset.to = range.to;
  $('range').dataset.timeZone = merchant.timeZone;
}

function init() {
  $('language').addEventListener('change', (event) => {
    language = event.target.value;
    localStorage.setItem('codescan.console.language', language);
    applyLanguage();
  });
  $('phone-form').addEventListener('submit', onRequestCode);
  $('code-form').addEventListener('submit', onSignIn);
  $('change-phone').addEventListener('click', () => {
    clearError();
    showSignIn();
  });
  $('merchant-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const merchant = merchants.find((candidate) => candidate.id === $('merchant').value);
    if (merchant) {
      attempt($('open-merchant'), () => openMerchant(merchant));
    }
  });
  $('switch-merchant').addEventListener('click', () => {
    closeMerchant();
    session.merchantId = null;
    clearError();
    attempt(null, loadMerchants);
  });
  $('sign-out').addEventListener('click', () => {
    signOut();
    clearError();
    showSignIn();
  });

  applyLanguage();
  if (session.read()) {
    attempt(null, loadMerchants);
  } else {
    showSignIn();
  }
}

init();
