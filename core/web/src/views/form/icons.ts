// The icons archs name as Font Awesome classes (`icon="fa-calendar"`), drawn as small line SVGs:
// the client ships no icon font. Names without a drawing get a neutral dot.

import { html, svg, type SVGTemplateResult } from 'lit';

const circle = (r: number) => svg`<circle cx="12" cy="12" r=${r}/>`;
const path = (d: string) => svg`<path d=${d}/>`;

const calendar = path('M3 5h18v16H3zM3 10h18M8 3v4M16 3v4');
const star = path('M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3l-5.5 2.9 1-6.2L3 9.6l6.2-.9z');
const money = path('M12 2v20M17 6H9.5a3.5 3.5 0 0 0 0 7h5a3.5 3.5 0 0 1 0 7H6');
const users = path('M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21v-1a7 7 0 0 1 14 0v1M16 3.1a4 4 0 0 1 0 7.8M22 21v-1a7 7 0 0 0-4-6.3');
const user = path('M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zM3 22a9 9 0 0 1 18 0');
const envelope = path('M3 5h18v14H3zM3 6l9 7 9-7');
const phone = path('M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2');
const file = path('M6 2h9l5 5v15H6zM14 2v6h6M9 13h8M9 17h8');
const tasks = path('M4 4h16v16H4zM8 12l3 3 5-6');
const list = path('M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01');
const cart = svg`<path d="M3 3h2l3 12h11l2-8H6"/><circle cx="9" cy="20" r="1.3"/><circle cx="18" cy="20" r="1.3"/>`;
const truck = svg`<path d="M1 5h13v11H1zM14 9h4l3 3v4h-7"/><circle cx="5.5" cy="18.5" r="2"/><circle cx="17.5" cy="18.5" r="2"/>`;
const clock = svg`${circle(9)}<path d="M12 7v5l3 3"/>`;
const trophy = path('M8 21h8M12 17v4M7 4h10v5a5 5 0 0 1-10 0zM7 6H4a3 3 0 0 0 3 4M17 6h3a3 3 0 0 1-3 4');
const archive = path('M3 4h18v4H3zM5 8v12h14V8M10 12h4');
const globe = svg`${circle(9)}<path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18"/>`;
const building = path('M4 21V3h12v18M16 9h4v12M8 7h4M8 11h4M8 15h4M2 21h20');
const comments = path('M21 12a8 8 0 0 1-11.8 7L3 21l2-6A8 8 0 1 1 21 12z');
const heart = path('M12 21s-8-5.3-8-11a4.5 4.5 0 0 1 8-2.8A4.5 4.5 0 0 1 20 10c0 5.7-8 11-8 11z');
const card = path('M2 5h20v14H2zM2 10h20');
const chart = path('M3 3v18h18M7 15l4-4 3 3 5-6');
const book = path('M4 3h12a2 2 0 0 1 2 2v16H6a2 2 0 0 1-2-2zM8 7h6');
const check = path('M4 12l5 5L20 6');
const cog = svg`${circle(3)}<path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1"/>`;
const dot = svg`${circle(8)}${circle(1.5)}`;

const ICONS: Record<string, SVGTemplateResult> = {
  'fa-calendar': calendar, 'fa-calendar-o': calendar, 'fa-calendar-check-o': calendar,
  'fa-star': star, 'fa-star-o': star,
  'fa-usd': money, 'fa-money': money, 'fa-dollar': money, 'fa-eur': money,
  'fa-users': users, 'fa-group': users, 'fa-user': user, 'fa-user-o': user, 'fa-address-book': user,
  'fa-envelope': envelope, 'fa-envelope-o': envelope, 'fa-phone': phone,
  'fa-file': file, 'fa-file-o': file, 'fa-file-text': file, 'fa-file-text-o': file, 'fa-pencil-square-o': file, 'fa-files-o': file,
  'fa-tasks': tasks, 'fa-check-square-o': tasks, 'fa-list': list, 'fa-list-ul': list, 'fa-bars': list, 'fa-th-list': list,
  'fa-shopping-cart': cart, 'fa-truck': truck, 'fa-clock-o': clock, 'fa-history': clock, 'fa-trophy': trophy,
  'fa-archive': archive, 'fa-globe': globe, 'fa-building': building, 'fa-building-o': building,
  'fa-comments': comments, 'fa-comments-o': comments, 'fa-heart': heart, 'fa-heart-o': heart,
  'fa-credit-card': card, 'fa-line-chart': chart, 'fa-bar-chart': chart, 'fa-area-chart': chart,
  'fa-book': book, 'fa-check': check, 'fa-cog': cog, 'fa-cogs': cog, 'fa-gear': cog,
};

/** The drawing of a Font Awesome name (`fa-calendar`, or `fa fa-calendar`). */
export function faIcon(name: string | null) {
  const key = (name ?? '').split(/\s+/).find((part) => part.startsWith('fa-')) ?? '';
  return html`<svg class="o_button_icon" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" stroke-width="1.7"
    stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${ICONS[key] ?? dot}</svg>`;
}
