/** The board's page shell: Spanish, one stylesheet, scripts only from /board/assets (the CSP allows nothing else). */
import { html, type SafeHtml } from './html';
import type { BoardSession } from './session';

export interface PageOptions {
  title: string;
  session: BoardSession | null;
  /** Which navigation entry is current. */
  current?: 'cola' | 'indicadores' | 'aliados' | 'portal' | 'personal' | 'clasificacion';
  scripts?: string[];
  body: SafeHtml;
}

const ROLE_ES: Record<string, string> = { operator: 'Operador', supervisor: 'Supervisor', admin: 'Administrador', client: 'Cliente' };

function nav(session: BoardSession, current?: string): SafeHtml {
  const role = session.account.role;
  const links: [string, string, string][] =
    role === 'client'
      ? [['portal', '/board/portal', 'Mis despachos']]
      : [
          ['cola', '/board/cola', 'Cola de trabajo'],
          ...(role === 'operator' ? [] : ([['indicadores', '/board/indicadores', 'Indicadores']] as [string, string, string][])),
          ['aliados', '/board/aliados', 'Aliados'],
          ['personal', '/board/personal', 'Personal y turnos'],
          ['clasificacion', '/board/clasificacion', 'Correos por clasificar'],
        ];
  return html`<nav aria-label="Secciones">
    <ul>${links.map(([key, href, label]) => html`<li><a href="${href}"${key === current ? html` aria-current="page"` : ''}>${label}</a></li>`)}</ul>
  </nav>
  <div class="who">
    <span>${session.account.name} · ${ROLE_ES[role] ?? role}</span>
    <form method="post" action="/board/salir"><input type="hidden" name="_csrf" value="${session.csrfToken}"><button type="submit" class="link">Cerrar sesión</button></form>
  </div>`;
}

export function page(o: PageOptions): string {
  return html`<!doctype html>
<html lang="es-PE">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${o.session ? html`<meta name="csrf-token" content="${o.session.csrfToken}">` : ''}
<title>${o.title} · Levante</title>
<link rel="stylesheet" href="/board/assets/board.css">
</head>
<body>
<header class="top">
  <a class="brand" href="/board">Levante <small>Trazabilidad – Tablero de control</small></a>
  ${o.session ? nav(o.session, o.current) : ''}
</header>
<main id="contenido">
${o.body}
</main>
<footer class="foot">Horas en hora de Lima (UTC−5).</footer>
${(o.scripts ?? []).map((src) => html`<script src="${src}"></script>`)}
</body>
</html>`.value;
}

/** A page that says why: 403, 404, 500. */
export function messagePage(session: BoardSession | null, title: string, message: string): string {
  return page({ title, session, body: html`<h1>${title}</h1><p class="message">${message}</p><p><a href="/board">Volver al inicio</a></p>` });
}
