/* global window, document, localStorage, sessionStorage, fetch, navigator, setTimeout */
// The /chat page: fetches a Direct Line token from this server, then runs Bot Framework Web Chat
// against it. Served as a file (the CSP allows no inline script). Kept framework-free on purpose.
'use strict';

(function () {
  var STRINGS = {
    en: {
      tag: 'en-US',
      title: 'Agora · your city’s budget',
      label: 'Language',
      connecting: 'Connecting…',
      offline: 'The chat cannot reach the server. Check your connection.',
      retry: 'Try again',
    },
    el: {
      tag: 'el-GR',
      title: 'Agora · ο προϋπολογισμός της πόλης σας',
      label: 'Γλώσσα',
      connecting: 'Σύνδεση…',
      offline: 'Η συνομιλία δεν μπορεί να συνδεθεί με τον διακομιστή. Ελέγξτε τη σύνδεσή σας.',
      retry: 'Δοκιμάστε ξανά',
    },
    bg: {
      tag: 'bg-BG',
      title: 'Agora · бюджетът на вашия град',
      label: 'Език',
      connecting: 'Свързване…',
      offline: 'Чатът не може да се свърже със сървъра. Проверете връзката си.',
      retry: 'Опитайте отново',
    },
    cs: {
      tag: 'cs-CZ',
      title: 'Agora · rozpočet vašeho města',
      label: 'Jazyk',
      connecting: 'Připojování…',
      offline: 'Chat se nemůže spojit se serverem. Zkontrolujte připojení.',
      retry: 'Zkusit znovu',
    },
  };
  // localStorage: the browser's identity ticket (it keeps the citizen across visits) and language.
  var USER_KEY = 'agora.webchat.user';
  var LANG_KEY = 'agora.webchat.lang';
  var TALKED_KEY = 'agora.webchat.talked';
  // sessionStorage: the conversation of this tab, so a reload shows the same transcript.
  var CONVERSATION_KEY = 'agora.webchat.conversation';
  var DOMAIN = window.location.origin + '/v3/directline';
  var NONCE = (document.currentScript && document.currentScript.nonce) || undefined;
  // DirectLineJS connection states.
  var ONLINE = 2;
  var EXPIRED_TOKEN = 3;
  var FAILED_TO_CONNECT = 4;
  var ENDED = 5;

  var select = document.getElementById('lang');
  var status = document.getElementById('status');
  var host = document.getElementById('webchat');
  var session = null;
  var restarts = 0;

  function read(storage, key) {
    try {
      return JSON.parse(storage.getItem(key) || 'null');
    } catch {
      return null;
    }
  }

  function initialLanguage() {
    var saved = localStorage.getItem(LANG_KEY);
    if (saved && STRINGS[saved]) return saved;
    var langs = navigator.languages || [navigator.language || 'en'];
    for (var i = 0; i < langs.length; i++) {
      var l = String(langs[i]).slice(0, 2).toLowerCase();
      if (STRINGS[l]) return l;
    }
    return 'en';
  }

  var lang = initialLanguage();

  function applyLanguage() {
    var s = STRINGS[lang];
    document.documentElement.lang = lang;
    document.title = s.title;
    document.getElementById('title').textContent = s.title;
    document.getElementById('lang-label').textContent = s.label;
    select.value = lang;
  }

  function setStatus(text, withRetry) {
    status.textContent = text || '';
    status.hidden = !text;
    if (withRetry) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = STRINGS[lang].retry;
      b.addEventListener('click', function () {
        restarts = 0;
        start();
      });
      status.appendChild(document.createTextNode(' '));
      status.appendChild(b);
    }
  }

  async function fetchToken(ticket, conversationId) {
    var res = await fetch(DOMAIN + '/tokens/generate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ticket: ticket || undefined, conversationId: conversationId || undefined }),
    });
    // A ticket the server no longer accepts (expired, or signed with another key): start afresh.
    if (res.status === 403 && ticket) {
      localStorage.removeItem(USER_KEY);
      return fetchToken(undefined, undefined);
    }
    if (!res.ok) throw new Error('tokens/generate answered ' + res.status);
    return res.json();
  }

  function onConnectionStatus(value) {
    if (value === ONLINE) {
      restarts = 0;
      setStatus('');
    } else if (value === EXPIRED_TOKEN || value === ENDED) {
      // A restarted server, or a token that expired while the laptop slept: get a new token for
      // the same conversation. Bounded, so a broken server does not make the page spin.
      if (restarts++ < 3) setTimeout(start, 500 * restarts);
      else setStatus(STRINGS[lang].offline, true);
    } else if (value === FAILED_TO_CONNECT) {
      setStatus(STRINGS[lang].offline, true);
    }
  }

  function render() {
    window.WebChat.renderWebChat(
      {
        directLine: session.directLine,
        store: session.store,
        locale: STRINGS[lang].tag,
        nonce: NONCE,
        styleOptions: {
          accent: '#0b57a4',
          bubbleMaxWidth: 640,
          hideUploadButton: true,
          rootHeight: '100%',
          // Buttons wrap in rows, each as wide as its label: a ballot's nine buttons still leave
          // room on a phone for the message they answer.
          suggestedActionLayout: 'flow',
        },
      },
      session.element,
    );
  }

  async function start() {
    setStatus(STRINGS[lang].connecting);
    if (session) session.directLine.end();
    var user = read(localStorage, USER_KEY);
    var wanted = sessionStorage.getItem(CONVERSATION_KEY);
    var token;
    try {
      token = await fetchToken(user && user.ticket, wanted);
    } catch {
      setStatus(STRINGS[lang].offline, true);
      return;
    }
    localStorage.setItem(USER_KEY, JSON.stringify({ ticket: token.ticket }));
    sessionStorage.setItem(CONVERSATION_KEY, token.conversationId);
    var resume = wanted === token.conversationId;
    var directLine = window.WebChat.createDirectLine({
      domain: DOMAIN,
      token: token.token,
      webSocket: true,
      // With an id, DirectLineJS reconnects to that conversation and its stream replays the transcript.
      conversationId: resume ? token.conversationId : undefined,
      conversationStartProperties: { locale: STRINGS[lang].tag },
    });
    var store = window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/UPDATE_CONNECTION_STATUS')
            onConnectionStatus(action.payload.connectionStatus);
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
            var from = action.payload.activity.from;
            if (from && from.role === 'bot') localStorage.setItem(TALKED_KEY, '1');
          }
          return next(action);
        };
      };
    });
    // A fresh element per session: Web Chat takes its store once, at mount.
    var element = document.createElement('div');
    element.className = 'webchat-root';
    host.replaceChildren(element);
    session = { directLine: directLine, store: store, element: element };
    render();
  }

  select.addEventListener('change', function () {
    if (!STRINGS[select.value]) return;
    lang = select.value;
    localStorage.setItem(LANG_KEY, lang);
    applyLanguage();
    if (!session) return;
    render();
    // Someone the bot already knows: switch its language too, with the engine's own language
    // button payload (a postBack, so nothing shows as typed). A newcomer's first message carries
    // the locale instead, and onboarding starts in that language.
    if (localStorage.getItem(TALKED_KEY))
      session.store.dispatch({ type: 'WEB_CHAT/SEND_POST_BACK', payload: { value: 'lang:' + lang } });
  });

  applyLanguage();
  start();
})();
