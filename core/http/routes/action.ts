// /web/action/load and /web/webclient/load_menus: what the web client needs to open an app,
// as the session's user (menus and actions filtered by the user's groups).

import type { FastifyInstance } from 'fastify';
import type { RouteOptions } from '../context.ts';
import { userRoute } from '../user_route.ts';
import type { Env } from '../../models/env.ts';
import type { Model } from '../../models/model.ts';
import { domainContext } from '../../security/access.ts';
import { evalRuleDomain, parseRuleDomain } from '../../security/rule_domain.ts';

interface ActionParams {
  action_id: number | string;
  context?: Record<string, unknown>;
}

interface Loader {
  load_action(idOrXmlid: number | string): Promise<unknown>;
}

interface Menus {
  load_menus(): Promise<unknown>;
}

export default async function actionRoutes(app: FastifyInstance, { ctx }: RouteOptions): Promise<void> {
  userRoute<ActionParams>(app, ctx, '/web/action/load', {
    type: 'object',
    required: ['action_id'],
    properties: { action_id: { type: ['integer', 'string'] }, context: { type: ['object', 'null'] } },
  }, async (params, env) => {
    // Kinds of action have ids of their own: 'ir.actions.client,5' (Odoo's reference, as menus
    // give it) names one; a bare number is a window action; an external id says its kind.
    const reference = typeof params.action_id === 'string' ? /^(ir\.actions\.[a-z_.]+),(\d+)$/.exec(params.action_id) : null;
    const model = reference ? reference[1] : typeof params.action_id === 'string'
      ? (await env.sudo().ref(params.action_id))?.model ?? 'ir.actions.act_window'
      : 'ir.actions.act_window';
    const action = await env.model<Model & Loader>(model).load_action(reference ? Number(reference[2]) : params.action_id);
    return withDomainEvaluated(env, action);
  });

  userRoute(app, ctx, '/web/webclient/load_menus', { type: 'object' }, (_params, env) => env.model<Model & Menus>('ir.ui.menu').load_menus());
}

/** A domain stored as Odoo text ("[('user_id', '=', uid)]") is evaluated here, with the same safe
 *  parser as record rules, so the client receives a list it can send back. */
async function withDomainEvaluated(env: Env, action: unknown): Promise<unknown> {
  const record = action as { domain?: unknown; name?: string } | false;
  if (!record || typeof record.domain !== 'string') return action;
  const program = parseRuleDomain(`action "${record.name ?? ''}"`, record.domain);
  return { ...record, domain: evalRuleDomain(program, await domainContext(env)) };
}
