// The CRM wizards over JSON-RPC, as the web client and Odoo's clients call them: the actions
// bound to the leads' list (its Action menu), the Merge dialog opened on a selection
// (active_ids in the context), merge_opportunity with keyword arguments, the lost dialog, and
// business errors in Odoo's shape.

import t from 'tap';
import { RpcClient, RpcError, testServer } from '../../../tests/helpers/http.ts';

const server = await testServer(t, { modules: ['crm'] });

async function loggedIn(): Promise<{ client: RpcClient; uid: number }> {
  const client = new RpcClient(server.url);
  const info = await client.authenticate(server.db.name);
  return { client, uid: info.uid };
}

t.test('the leads\' list offers Merge, Mark Lost and the mass conversion in its Action menu', async (t) => {
  const { client } = await loggedIn();
  const reply = await client.callKw('crm.lead', 'get_views', [[[false, 'list'], [false, 'search']], { toolbar: true }]);
  const bound = (reply.views.list.toolbar.action as Array<Record<string, unknown>>);
  const byName = new Map(bound.map((a) => [a.name, a]));
  t.match(byName.get('Merge'), { res_model: 'crm.merge.opportunity', target: 'new', binding_view_types: 'list', views: [[Number, 'form']] });
  t.match(byName.get('Mark Lost'), { res_model: 'crm.lead.lost', target: 'new' });
  t.notOk(byName.has('Convert to opportunities'), 'the mass conversion needs the Leads setting (crm.group_use_lead)');
  const action = await client.call('/web/action/load', { action_id: 'crm.action_crm_lead2opportunity_partner' });
  t.match(action, { res_model: 'crm.lead2opportunity.partner', target: 'new', binding_model_id: false });
});

t.test('Merge on a selection: the dialog takes active_ids and opens the result', async (t) => {
  const { client, uid } = await loggedIn();
  const [a, b] = await client.callKw('crm.lead', 'create', [[
    { name: 'Website inquiry', type: 'opportunity', email_from: 'ana@rpc.example', probability: 20 },
    { name: 'Phone inquiry', type: 'opportunity', phone: '021 4444', probability: 60 },
  ]]);
  const context = { active_model: 'crm.lead', active_ids: [a, b], active_id: a };
  const defaults = await client.callKw('crm.merge.opportunity', 'default_get', [['opportunity_ids', 'user_id', 'team_id']], { context });
  t.same(defaults.opportunity_ids.sort(), [a, b].sort());
  const wizard = await client.callKw('crm.merge.opportunity', 'create', [{ user_id: uid }], { context });
  const action = await client.callKw('crm.merge.opportunity', 'action_merge', [[wizard]], { context });
  t.match(action, { type: 'ir.actions.act_window', res_model: 'crm.lead', res_id: b });
  const [kept] = await client.callKw('crm.lead', 'read', [[b], ['email_from', 'phone', 'user_id']]);
  t.same([kept.email_from, kept.phone, kept.user_id[0]], ['ana@rpc.example', '021 4444', uid]);
  t.same(await client.callKw('crm.lead', 'search', [[['id', '=', a]]], { context: { active_test: false } }), []);
});

t.test('merge_opportunity with keyword arguments; its refusals come back as UserError', async (t) => {
  const { client, uid } = await loggedIn();
  const ids = await client.callKw('crm.lead', 'create', [[{ name: 'K1', user_id: false }, { name: 'K2', user_id: false }]]);
  const kept = await client.callKw('crm.lead', 'merge_opportunity', [ids], { user_id: uid });
  t.ok(ids.includes(kept));
  t.equal((await client.callKw('crm.lead', 'read', [[kept], ['user_id']]))[0].user_id[0], uid);
  const six = await client.callKw('crm.lead', 'create', [Array.from({ length: 6 }, (_, i) => ({ name: `S${i}` }))]);
  const error = await client.callKw('crm.lead', 'merge_opportunity', [six]).catch((e: unknown) => e);
  t.ok(error instanceof RpcError);
  t.match((error as RpcError).data, { name: 'odoo.exceptions.UserError', message: 'To prevent data loss, Leads and Opportunities can only be merged by groups of 5.' });
});

t.test('the lost dialog and the similar leads over JSON-RPC', async (t) => {
  const { client } = await loggedIn();
  const [a, b] = await client.callKw('crm.lead', 'create', [[{ name: 'Lost one', email_from: 'x@sim.example' }, { name: 'Twin', email_from: 'y@sim.example' }]]);
  const [row] = await client.callKw('crm.lead', 'read', [[b], ['duplicate_lead_count', 'duplicate_lead_ids']]);
  t.same([row.duplicate_lead_count, row.duplicate_lead_ids], [1, [a]]);
  const context = { active_model: 'crm.lead', active_ids: [a] };
  const reason = (await client.callKw('crm.lost.reason', 'search', [[]], { limit: 1 }))[0];
  const wizard = await client.callKw('crm.lead.lost', 'create', [{ lost_reason_id: reason, lost_feedback: '<p>Went silent</p>' }], { context });
  await client.callKw('crm.lead.lost', 'action_lost_reason_apply', [[wizard]], { context });
  const [lost] = await client.callKw('crm.lead', 'read', [[a], ['active', 'won_status', 'message_ids']], { context: { active_test: false } });
  t.same([lost.active, lost.won_status], [false, 'lost']);
  const bodies = await client.callKw('mail.message', 'read', [lost.message_ids, ['body']]);
  t.ok(bodies.some((m: { body: string }) => m.body.includes('Went silent')));
  const action = await client.callKw('crm.lead', 'action_show_potential_duplicates', [[b]]);
  t.same((await client.callKw('crm.lead', 'search', [action.domain], { context: action.context })).sort(), [a, b].sort(), 'the lost twin is listed');
});

t.test('the conversion dialog over JSON-RPC refuses a lost lead', async (t) => {
  const { client } = await loggedIn();
  const [lead] = await client.callKw('crm.lead', 'create', [[{ name: 'Gone', type: 'lead' }]]);
  await client.callKw('crm.lead', 'action_set_lost', [[lead]]);
  const context = { active_model: 'crm.lead', active_id: lead, active_ids: [lead] };
  const wizard = await client.callKw('crm.lead2opportunity.partner', 'create', [{}], { context });
  const error = await client.callKw('crm.lead2opportunity.partner', 'action_apply', [[wizard]], { context }).catch((e: unknown) => e);
  t.match((error as RpcError).data, { name: 'odoo.exceptions.UserError', message: /"Gone" is lost \(archived\)/ });
});
