// The merchant console: staff sign in, watch the merchant's alerts arrive and hear each one.
//
// No framework and no build step: the file is served as it is, under a CSP that allows only scripts
// from this origin. Alerts come over graphql-transport-ws (a small client below, not the npm library);
// the id of the last alert heard is kept in sessionStorage and passed as `after` on every reconnect, so
// the server replays exactly what was missed, and ids already shown are never shown or spoken again.
// Tokens live in sessionStorage only: never in the URL, never in localStorage or a cookie. The session and GraphQL
// over HTTP are the module the dashboard uses too (src/Api/Shared/session.js, served here as /console/session.js).
import { ApiError, AuthError, authorized, refreshTokens, requestCode as sendCode, session, signIn as signInWith, signOut as endSession } from './session.js';

(() => {
  const TEXTS = {
    'zh-CN': {
      title: 'CodeScan 商户控制台',
      language: '语言',
      signOut: '退出登录',
      signInHeading: '员工登录',
      phoneLabel: '手机号',
      requestCode: '获取验证码',
      codeLabel: '验证码',
      signIn: '登录',
      changePhone: '换个号码',
      codeSent: (phone) => `验证码已发送至 ${phone}，5 分钟内有效。`,
      pickMerchant: '选择商户',
      merchantLabel: '商户',
      openMerchant: '进入',
      noMerchant: '此号码没有已审核通过的商户。',
      enableSpeech: '开启语音播报',
      switchMerchant: '切换商户',
      noAlerts: '等待新的收款……',
      alertsHeading: '收款播报（最新在上）',
      dashboardLink: '经营看板',
      alertsForStaff: '收款播报仅对商户负责人和收银员开放。',
      openDashboard: '在经营看板查看报表',
      state: {
        idle: '未连接',
        connecting: '正在连接……',
        connected: '已连接，实时播报中',
        reconnecting: '连接已断开，正在重连……',
        stopped: '已停止',
      },
      errors: {
        phoneRequired: '请输入手机号。',
        codeRequired: '请输入 6 位验证码。',
        SIGN_IN_CODE_INVALID: '验证码错误或已过期，请重新输入或重新获取。',
        RATE_LIMITED: '获取验证码过于频繁，请稍后再试。',
        INVALID_INPUT: '输入有误，请检查手机号或验证码。',
        sessionExpired: '登录已过期，请重新登录。',
        FORBIDDEN: '您无权查看此商户的收款播报。',
        network: '网络错误，请检查网络后重试。',
        unexpected: '出现错误，请稍后重试。',
      },
    },
    'en-US': {
      title: 'CodeScan merchant console',
      language: 'Language',
      signOut: 'Sign out',
      signInHeading: 'Staff sign-in',
      phoneLabel: 'Mobile number',
      requestCode: 'Send code',
      codeLabel: 'Code',
      signIn: 'Sign in',
      changePhone: 'Use another number',
      codeSent: (phone) => `A code was sent to ${phone}. It works for 5 minutes.`,
      pickMerchant: 'Choose a merchant',
      merchantLabel: 'Merchant',
      openMerchant: 'Open',
      noMerchant: 'This number has no approved merchant.',
      enableSpeech: 'Turn on spoken alerts',
      switchMerchant: 'Switch merchant',
      noAlerts: 'Waiting for payments…',
      alertsHeading: 'Payment alerts (newest first)',
      dashboardLink: 'Dashboard',
      alertsForStaff: 'Spoken alerts are for the merchant\'s owner and cashiers.',
      openDashboard: 'See the reports on the dashboard',
      state: {
        idle: 'Not connected',
        connecting: 'Connecting…',
        connected: 'Connected, announcing live',
        reconnecting: 'Connection lost, reconnecting…',
        stopped: 'Stopped',
      },
      errors: {
        phoneRequired: 'Enter your mobile number.',
        codeRequired: 'Enter the 6-digit code.',
        SIGN_IN_CODE_INVALID: 'The code is wrong or has expired. Enter it again or ask for a new one.',
        RATE_LIMITED: 'Too many codes were requested. Please wait a while.',
        INVALID_INPUT: 'Please check the number or the code.',
        sessionExpired: 'Your session has expired. Please sign in again.',
        FORBIDDEN: 'You may not see this merchant\'s alerts.',
        network: 'Network error. Check the connection and try again.',
        unexpected: 'Something went wrong. Please try again.',
      },
    },
  };

  const GRAPHQL_PATH = '/graphql';
  const SUBPROTOCOL = 'graphql-transport-ws';
  const CLOSE_FORBIDDEN = 4403;
  const CLOSE_UNAUTHORIZED = 4401;
  const RECONNECT_MIN_MS = 500;
  const RECONNECT_MAX_MS = 8000;
  const PING_EVERY_MS = 20000;
  const PONG_WITHIN_MS = 10000;
  // The server closes a socket when its access token expires; this long before, the console renews it.
  const RENEW_BEFORE_EXPIRY_MS = 60000;
  // Never sooner than this, so a device whose clock runs far ahead does not refresh in a loop.
  const RENEW_AT_MOST_EVERY_MS = 30000;
  const SEEN_LIMIT = 2000;

  const ALERT_FIELDS = 'id kind amount { display } spokenText locale occurredAt';
  const SUBSCRIPTION = `subscription ConsoleAlerts($merchantId: ID!, $after: String) {
    merchantAlerts(merchantId: $merchantId, after: $after) { ${ALERT_FIELDS} }
  }`;
  const RECENT = `query ConsoleRecentAlerts($merchantId: ID!, $last: Int) {
    merchantAlerts(merchantId: $merchantId, last: $last) { nodes { ${ALERT_FIELDS} } }
  }`;
  const RECENT_COUNT = 20;

  const $ = (id) => document.getElementById(id);

  // --- storage: the tokens and the merchant are session.js's; the cursors (last alert heard) are the console's ----
  const cursors = {
    of(merchantId) {
      return sessionStorage.getItem(`codescan.console.cursor.${merchantId}`);
    },
    set(merchantId, cursor) {
      sessionStorage.setItem(`codescan.console.cursor.${merchantId}`, cursor);
    },
  };

  // --- language --------------------------------------------------------------------------------------
  let language = pickLanguage();

  function pickLanguage() {
    const chosen = localStorage.getItem('codescan.console.language');
    if (chosen && TEXTS[chosen]) {
      return chosen;
    }

    return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
  }

  function t() {
    return TEXTS[language];
  }

  function applyLanguage() {
    document.documentElement.lang = language;
    document.title = `${t().title} · CodeScan`;
    $('language').value = language;
    for (const element of document.querySelectorAll('[data-text]')) {
      element.textContent = t()[element.dataset.text];
    }

    showState(connectionState);
    if (codeSentTo) {
      $('code-sent').textContent = t().codeSent(codeSentTo);
    }

    if (lastError) {
      showError(lastError);
    }
  }

  // --- messages --------------------------------------------------------------------------------------
  let lastError = null;

  /** Shows an error by its key in the texts (or a server code); the text follows the language switch. */
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

  // --- screens ---------------------------------------------------------------------------------------
  let codeSentTo = null;

  function show(screen) {
    for (const id of ['sign-in', 'merchant-picker', 'alerts-panel']) {
      $(id).hidden = id !== screen;
    }

    $('sign-out').hidden = screen === 'sign-in';
  }

  function showSignIn(errorKey) {
    alerts.stop();
    show('sign-in');
    $('phone-form').hidden = false;
    $('code-form').hidden = true;
    codeSentTo = null;
    if (errorKey) {
      showError(errorKey);
    }

    $('phone').focus();
  }

  /** What the error line says about a failed request: the API's code (FORBIDDEN, network…), or unexpected. */
  function codeOf(error) {
    return error instanceof ApiError ? error.code : 'unexpected';
  }

  async function busy(button, work) {
    button.disabled = true;
    try {
      await work();
    } finally {
      button.disabled = false;
    }
  }

  async function requestCode(event) {
    event.preventDefault();
    clearError();
    const phone = $('phone').value.trim();
    if (!phone) {
      showError('phoneRequired');
      return;
    }

    await busy($('request-code'), async () => {
      try {
        const refused = await sendCode(phone, language === 'zh-CN' ? 'ZH_CN' : 'EN_US');
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
      } catch (error) {
        showError(codeOf(error));
      }
    });
  }

  async function signIn(event) {
    event.preventDefault();
    clearError();
    const code = $('code').value.trim();
    if (!/^[0-9]{6}$/.test(code)) {
      showError('codeRequired');
      return;
    }

    await busy($('submit-code'), async () => {
      try {
        const refused = await signInWith(codeSentTo, code);
        if (refused) {
          showError(refused);
          $('code').select();
          return;
        }

        codeSentTo = null;
        await loadMerchants();
      } catch (error) {
        showError(codeOf(error));
      }
    });
  }

  function signOut() {
    alerts.stop();
    endSession();
    clearError();
    showSignIn();
  }

  let merchants = [];

  async function loadMerchants() {
    let data;
    try {
      data = await authorized('{ myMerchants { id name status locale } }');
    } catch (error) {
      if (error instanceof AuthError) {
        session.forget();
        showSignIn('sessionExpired');
      } else {
        showError(codeOf(error));
      }

      return;
    }

    merchants = data.myMerchants.filter((merchant) => merchant.status === 'APPROVED');
    const remembered = merchants.find((merchant) => merchant.id === session.merchantId);
    if (remembered || merchants.length === 1) {
      openMerchant(remembered ?? merchants[0]);
      return;
    }

    show('merchant-picker');
    const select = $('merchant');
    select.replaceChildren(...merchants.map((merchant) => new Option(merchant.name, merchant.id)));
    $('merchant-form').hidden = merchants.length === 0;
    $('no-merchant').hidden = merchants.length > 0;
    if (merchants.length > 0) {
      select.focus();
    }
  }

  function openMerchant(merchant) {
    clearError();
    session.merchantId = merchant.id;
    show('alerts-panel');
    $('merchant-name').textContent = merchant.name;
    $('switch-merchant').hidden = merchants.length < 2;
    $('alerts').replaceChildren();
    $('empty').hidden = false;
    $('alerts-refused').hidden = true;
    updateSpeechButton();
    alerts.start(merchant.id);
  }

  // --- speech ----------------------------------------------------------------------------------------
  const LANGS = { ZH_CN: 'zh-CN', EN_US: 'en-US' };

  function speak(text, locale) {
    if (!('speechSynthesis' in window)) {
      return;
    }

    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = LANGS[locale] ?? 'zh-CN';
    window.speechSynthesis.speak(utterance);
  }

  /** Browsers speak only after the user has interacted with the page (e.g. after a reload, not yet). */
  function updateSpeechButton() {
    const activated = navigator.userActivation?.hasBeenActive ?? true;
    $('enable-speech').hidden = activated || !('speechSynthesis' in window);
  }

  // --- alerts over graphql-transport-ws --------------------------------------------------------------
  const alerts = (() => {
    let socket = null;
    let merchantId = null;
    let running = false;
    let attempts = 0;
    let retryTimer = null;
    let pingTimer = null;
    let pongTimer = null;
    let renewTimer = null;
    let refreshedSinceAck = false;
    let seen = new Set();
    let operation = 0;
    let generation = 0;

    function start(id) {
      stop();
      merchantId = id;
      running = true;
      attempts = 0;
      refreshedSinceAck = false;
      seen = new Set();
      showState('connecting');
      const started = ++generation;

      // Only the latest start connects, and only if nothing (e.g. an "online" event) connected meanwhile.
      showRecent(id).then((refused) => {
        if (started !== generation) {
          return;
        }

        if (refused) {
          refuse();
        } else if (socket === null) {
          connect();
        }
      });
    }

    /**
     * A console with no cursor yet shows the latest alerts (without speaking them) and subscribes after
     * the newest, so even a drop before the first live alert replays what happened meanwhile. A merchant
     * with no alert at all subscribes after 0: from its very first alert. True when the alerts are refused
     * (the user's role here is not one that hears them: an analyst).
     */
    async function showRecent(id) {
      if (cursors.of(id) !== null) {
        return false;
      }

      try {
        const data = await authorized(RECENT, { merchantId: id, last: RECENT_COUNT });
        if (merchantId !== id) {
          return;
        }

        const recent = data.merchantAlerts.nodes;
        for (const alert of recent) {
          seen.add(alert.id);
          render(alert);
        }

        cursors.set(id, recent.length > 0 ? recent[recent.length - 1].id : '0');
      } catch (error) {
        // Refused: subscribing would be refused too. Otherwise live alerts still arrive; only the history
        // and the first cursor are missing.
        return error instanceof ApiError && error.code === 'FORBIDDEN';
      }

      return false;
    }

    /** The alerts are not for this user (an analyst): say who hears them and where the reports are. */
    function refuse() {
      stop();
      showState('stopped');
      $('empty').hidden = true;
      $('enable-speech').hidden = true;
      $('alerts-refused').hidden = false;
    }

    function stop() {
      running = false;
      generation += 1;
      clearTimeout(retryTimer);
      stopKeepAlive();
      if (socket) {
        const closing = socket;
        socket = null;
        closing.close(1000, 'Normal Closure');
      }

      showState('idle');
    }

    function wsUrl() {
      const url = new URL(GRAPHQL_PATH, location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      return url.href;
    }

    function connect() {
      if (!running) {
        return;
      }

      // One socket per console: a replaced one is closed, never left subscribed.
      if (socket) {
        const previous = socket;
        socket = null;
        stopKeepAlive();
        previous.close(1000, 'Normal Closure');
      }

      const current = session.read();
      if (!current) {
        showSignIn('sessionExpired');
        return;
      }

      showState(attempts === 0 ? 'connecting' : 'reconnecting');
      const ws = new WebSocket(wsUrl(), SUBPROTOCOL);
      socket = ws;
      const operationId = String(++operation);

      ws.addEventListener('open', () => {
        ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${current.accessToken}` } }));
      });

      ws.addEventListener('message', (event) => {
        if (socket !== ws) {
          return;
        }

        let message;
        try {
          message = JSON.parse(event.data);
        } catch {
          ws.close(4400, 'Invalid message received');
          return;
        }

        onMessage(ws, operationId, message);
      });

      ws.addEventListener('close', (event) => {
        if (socket !== ws) {
          return;
        }

        socket = null;
        stopKeepAlive();
        onClose(event.code);
      });
    }

    function onMessage(ws, operationId, message) {
      // Any message proves the connection alive.
      clearTimeout(pongTimer);
      switch (message.type) {
        case 'connection_ack': {
          attempts = 0;
          refreshedSinceAck = false;
          const after = cursors.of(merchantId);
          ws.send(JSON.stringify({
            id: operationId,
            type: 'subscribe',
            payload: { query: SUBSCRIPTION, variables: { merchantId, after } },
          }));
          startKeepAlive(ws);
          scheduleRenewal(ws);
          showState('connected');
          break;
        }

        case 'ping':
          ws.send(JSON.stringify({ type: 'pong' }));
          break;
        case 'next':
          if (message.id !== operationId) {
            break;
          }

          if (message.payload?.errors?.length) {
            fail(message.payload.errors);
          } else if (message.payload?.data?.merchantAlerts) {
            receive(message.payload.data.merchantAlerts);
          }

          break;
        case 'error':
          if (message.id === operationId) {
            fail(message.payload);
          }

          break;
        case 'complete':
          // The server ended the stream (e.g. it is shutting down): come back for what follows.
          if (message.id === operationId) {
            ws.close(1000, 'Normal Closure');
          }

          break;
        default:
          break;
      }
    }

    /**
     * The subscription ended with errors. Refused (FORBIDDEN, UNAUTHENTICATED): reconnecting would be
     * refused again, so stop and say why. Anything else (the server failed for a moment): drop this
     * socket and come back from the cursor with the usual backoff.
     */
    function fail(errors) {
      const codes = (Array.isArray(errors) ? errors : []).map((error) => error.extensions?.code);
      if (!codes.includes('UNAUTHENTICATED') && !codes.includes('FORBIDDEN')) {
        if (socket) {
          socket.close(1000, 'Normal Closure');
        }

        return;
      }

      running = false;
      stop();
      showState('stopped');
      if (codes.includes('UNAUTHENTICATED')) {
        session.forget();
        showSignIn('sessionExpired');
      } else {
        refuse();
      }
    }

    async function onClose(code) {
      if (!running) {
        return;
      }

      if (code === CLOSE_FORBIDDEN || code === CLOSE_UNAUTHORIZED) {
        // The token was refused: renew it once, then try again; never loop on a revoked session.
        if (!refreshedSinceAck && (await refreshTokens())) {
          refreshedSinceAck = true;
          if (running) {
            connect();
          }

          return;
        }

        running = false;
        session.forget();
        showSignIn('sessionExpired');
        return;
      }

      showState('reconnecting');
      const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** attempts);
      attempts += 1;
      retryTimer = setTimeout(connect, ceiling / 2 + Math.random() * ceiling / 2);
    }

    /** Pings through quiet periods, so a connection that silently died is noticed and replaced. */
    function startKeepAlive(ws) {
      stopKeepAlive();
      pingTimer = setInterval(() => {
        if (ws.readyState !== WebSocket.OPEN) {
          return;
        }

        ws.send(JSON.stringify({ type: 'ping' }));
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => abandon(ws), PONG_WITHIN_MS);
      }, PING_EVERY_MS);
    }

    /**
     * No answer to a ping: the connection is dead without having said so (a network that dropped
     * silently). A close handshake would wait on the same dead line, so reconnect without waiting.
     */
    function abandon(ws) {
      if (socket !== ws) {
        return;
      }

      socket = null;
      stopKeepAlive();
      ws.close(4000, 'No pong');
      onClose(1006);
    }

    function stopKeepAlive() {
      clearInterval(pingTimer);
      clearTimeout(pongTimer);
      clearTimeout(renewTimer);
    }

    /**
     * The server closes the socket (4403) when the access token it was opened with expires. A minute
     * before, the console refreshes the tokens and hands the new access token to the socket in a ping, so
     * the socket, and the subscription on it, carry on. Should that fail, the 4403 that follows is
     * handled like any refused token: one refresh, then a reconnect from the cursor.
     */
    function scheduleRenewal(ws) {
      clearTimeout(renewTimer);
      const expiresAt = Date.parse(session.read()?.accessTokenExpiresAt ?? '');
      if (Number.isNaN(expiresAt)) {
        return;
      }

      renewTimer = setTimeout(async () => {
        if (socket !== ws || !(await refreshTokens()) || socket !== ws || ws.readyState !== WebSocket.OPEN) {
          return;
        }

        const token = session.read().accessToken;
        ws.send(JSON.stringify({ type: 'ping', payload: { authorization: `Bearer ${token}` } }));
        scheduleRenewal(ws);
      }, Math.max(RENEW_AT_MOST_EVERY_MS, expiresAt - Date.now() - RENEW_BEFORE_EXPIRY_MS));
    }

    function receive(alert) {
      if (seen.has(alert.id)) {
        return;
      }

      seen.add(alert.id);
      if (seen.size > SEEN_LIMIT) {
        seen.delete(seen.values().next().value);
      }

      cursors.set(merchantId, alert.id);
      render(alert);
      speak(alert.spokenText, alert.locale);
    }

    /** The browser says it is back online: skip the rest of the backoff. */
    function retryNow() {
      if (running && socket === null) {
        clearTimeout(retryTimer);
        connect();
      }
    }

    return { start, stop, retryNow };
  })();

  function render(alert) {
    const item = document.createElement('li');
    item.dataset.alertId = alert.id;
    const time = document.createElement('time');
    time.dateTime = alert.occurredAt;
    time.textContent = new Date(alert.occurredAt).toLocaleTimeString(language);
    const text = document.createElement('span');
    text.className = 'spoken';
    text.lang = LANGS[alert.locale] ?? 'zh-CN';
    text.textContent = alert.spokenText;
    const amount = document.createElement('span');
    amount.className = 'amount';
    amount.textContent = alert.amount.display;
    item.append(time, text, amount);
    $('alerts').prepend(item);
    $('empty').hidden = true;
  }

  let connectionState = 'idle';

  function showState(state) {
    connectionState = state;
    const element = $('connection');
    element.dataset.state = state;
    element.textContent = t().state[state];
  }

  // --- start -----------------------------------------------------------------------------------------
  function init() {
    $('language').addEventListener('change', (event) => {
      language = event.target.value;
      localStorage.setItem('codescan.console.language', language);
      applyLanguage();
    });
    $('phone-form').addEventListener('submit', requestCode);
    $('code-form').addEventListener('submit', signIn);
    $('change-phone').addEventListener('click', () => {
      clearError();
      showSignIn();
    });
    $('merchant-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const merchant = merchants.find((candidate) => candidate.id === $('merchant').value);
      if (merchant) {
        openMerchant(merchant);
      }
    });
    $('switch-merchant').addEventListener('click', () => {
      alerts.stop();
      session.merchantId = null;
      loadMerchants();
    });
    $('sign-out').addEventListener('click', signOut);
    $('enable-speech').addEventListener('click', () => {
      // The click is the user activation the browser waits for; an empty utterance unlocks speech.
      speak('', LANGS.ZH_CN);
      updateSpeechButton();
    });
    window.addEventListener('online', () => alerts.retryNow());
    document.addEventListener('pointerdown', updateSpeechButton);
    document.addEventListener('keydown', updateSpeechButton);

    applyLanguage();
    if (session.read()) {
      loadMerchants();
    } else {
      showSignIn();
    }
  }

  init();
})();
