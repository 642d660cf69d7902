// Swagger UI over every served spec, "Try it out" aimed at the fake, demo credentials prefilled.
'use strict';
(async function () {
  const info = await (await fetch('/__counterfeit/apis', { headers: { Accept: 'application/json' } })).json();
  const bySpec = new Map(info.apis.map(api => [new URL(api.spec, location.href).href, api]));

  const list = document.getElementById('credential-list');
  info.apis.forEach(api => {
    const lines = api.credentials.map(c => (c.header ? c.header + ': ' + c.value : c.scheme + ' ' + c.token)
      + '   (company ' + c.tenant + (c.grants ? ', ' + c.grants.join('/') : '') + ')');
    api.users.forEach(u => lines.push('login ' + u.email + ' / ' + u.password + '   (company ' + u.tenant + ')'));
    if (api.users.length) lines.push('Try the login operation with one of these users: its token is then used for the others.');
    const block = document.createElement('div');
    const title = document.createElement('h3');
    title.textContent = api.title + ' — ' + api.baseUrl;
    const pre = document.createElement('pre');
    pre.textContent = lines.join('\n');
    block.append(title, pre);
    list.append(block);
  });

  // The first credential per scheme: one company's full set, so a request with several schemes authenticates.
  function prefill(system) {
    const url = new URL(system.specSelectors.url(), location.href).href;
    const api = bySpec.get(url);
    const schemes = system.specSelectors.specJson().getIn(['components', 'securitySchemes']);
    if (!api || !schemes) return;
    const tenant = api.credentials.length ? api.credentials[0].tenant : null;
    const chosen = {};
    api.credentials.filter(c => c.tenant === tenant).forEach(c => {
      const scheme = schemes.get(c.scheme);
      if (scheme && !chosen[c.scheme]) chosen[c.scheme] = { name: c.scheme, schema: scheme, value: c.token };
    });
    if (Object.keys(chosen).length) system.authActions.authorize(chosen);
  }

  // A login answered with a token (apidev's POST /login) authorizes the spec's bearer schemes with it, so the
  // next "Try it out" is logged in.
  const TOKEN_FIELDS = ['authorization', 'token', 'access_token', 'accessToken', 'jwt'];
  function tokenIn(body) {
    for (const holder of [body, body && body.data]) {
      if (!holder || typeof holder !== 'object') continue;
      for (const field of TOKEN_FIELDS) {
        if (typeof holder[field] === 'string' && /^[\w-]+\.[\w-]+\.[\w-]+$/.test(holder[field])) return holder[field];
      }
    }
    return null;
  }
  function captureToken(response) {
    const token = response && response.ok ? tokenIn(response.body) : null;
    const system = token && window.ui ? window.ui.getSystem() : null;
    const schemes = system ? system.specSelectors.specJson().getIn(['components', 'securitySchemes']) : null;
    if (schemes) {
      const chosen = {};
      schemes.forEach((scheme, name) => {
        if (scheme.get('type') === 'http' && String(scheme.get('scheme')).toLowerCase() === 'bearer') {
          chosen[name] = { name, schema: scheme, value: token };
        }
      });
      if (Object.keys(chosen).length) system.authActions.authorize(chosen);
    }
    return response;
  }

  const PrefillPlugin = () => ({
    statePlugins: {
      spec: {
        wrapActions: {
          updateJsonSpec: (original, system) => (...args) => {
            const result = original(...args);
            setTimeout(() => prefill(system), 0);
            return result;
          }
        }
      }
    }
  });

  const wanted = new URLSearchParams(location.search).get('api');
  const primary = info.apis.find(api => api.vendor === wanted) || info.apis[0];
  window.ui = SwaggerUIBundle({
    urls: info.apis.map(api => ({ name: api.vendor, url: api.spec })),
    'urls.primaryName': primary ? primary.vendor : undefined,
    dom_id: '#swagger-ui',
    deepLinking: true,
    tryItOutEnabled: true,
    displayRequestDuration: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl, PrefillPlugin],
    layout: 'StandaloneLayout',
    responseInterceptor: captureToken
  });
})();
