// Where the user is, kept in the URL's hash (`#action=ir.actions.act_window,12&view_type=list&id=5`),
// so that back and forward work and a link opens the same view or record.

export interface Route {
  action?: string;
  view_type?: string;
  id?: number;
}

export function currentRoute(): Route {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const route: Route = {};
  if (params.get('action')) route.action = params.get('action')!;
  if (params.get('view_type')) route.view_type = params.get('view_type')!;
  const id = Number(params.get('id'));
  if (Number.isInteger(id) && id > 0) route.id = id;
  return route;
}

/** Goes to `route` (a new history entry); listeners react to the `hashchange` event. */
export function navigate(route: Route): void {
  const params = new URLSearchParams();
  if (route.action) params.set('action', route.action);
  if (route.view_type) params.set('view_type', route.view_type);
  if (route.id) params.set('id', String(route.id));
  const hash = params.toString();
  if (window.location.hash.slice(1) !== hash) window.location.hash = hash;
}
