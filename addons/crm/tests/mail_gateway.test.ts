// Email aliases of the sales teams, end to end: the SMTP server of the mail addon runs in this
// process on the test database, and real mail is sent to it with nodemailer. Mail to
// sales@<company domain> becomes a lead or an opportunity of the Sales team, a reply lands in
// its chatter, unknown aliases are refused at RCPT TO, a message that cannot be stored leaves
// nothing behind; and `erp start --smtp-port` serves the same.

import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import nodemailer from 'nodemailer';
import { pino } from 'pino';
import { testDb } from '../../../tests/helpers/db.ts';
import { readState } from '../../../tests/setup/state.ts';
import { startSmtpServer } from '../../../core/addons/mail/lib/smtp_server.ts';
import type { Env } from '../../../core/models/env.ts';
import type { ResConfigSettings } from '../../../core/addons/base/models/settings.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DOMAIN = 'example.com';

const db = await testDb(t, { modules: ['crm'] });
const lines: Array<Record<string, unknown>> = [];
const log = pino({ level: 'info' }, { write: (line: string) => { lines.push(JSON.parse(line) as Record<string, unknown>); } });
const smtp = await startSmtpServer({ erp: db.erp, db: db.name, host: '127.0.0.1', port: 0, log });
t.teardown(() => smtp.close());

const transport = (port: number) => nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
const mailer = transport(smtp.port);
t.teardown(() => mailer.close());

const m2o = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const ref = (env: Env, xmlid: string) => env.refId(xmlid);
const leadsNamed = (env: Env, name: string) => env.model('crm.lead').with_context({ active_test: false })
  .search_read([['name', '=', name]], ['type', 'team_id', 'email_from', 'contact_name', 'partner_id', 'description', 'user_id', 'stage_id', 'probability']);
const emailsOf = (env: Env, id: number) => env.model('mail.message')
  .search_read([['res_model', '=', 'crm.lead'], ['res_id', '=', id], ['message_type', '=', 'email']], ['subject', 'body', 'message_id', 'email_from', 'author_id', 'attachment_ids'], { order: 'id' });

async function setLeads(env: Env, on: boolean): Promise<void> {
  const settings = env.model<ResConfigSettings>('res.config.settings');
  await settings.execute(await settings.create({ group_use_lead: on }));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

// The company's alias domain, through the Settings page's wizard; and a known customer.
const partnerId = await db.commit(async (env) => {
  const settings = env.model<ResConfigSettings>('res.config.settings');
  await settings.execute(await settings.create({ alias_domain: DOMAIN }));
  return env.model('res.partner').create({ name: 'Sara Ahmadi', email: 'sara@azadi.example' });
});

t.test('the Sales team answers at sales@ the company domain, shown on the team form and in Settings', async (t) => {
  await db.rollback(async (env) => {
    const teamId = await ref(env, 'crm.team_sales_department');
    const [team] = await env.model('crm.team').read(teamId, ['alias_name', 'alias_domain', 'alias_id', 'alias_contact']);
    t.equal(team.alias_name, 'sales');
    t.equal(team.alias_domain, DOMAIN);
    t.equal(team.alias_contact, 'everyone');
    t.same(team.alias_id, [m2o(team.alias_id), `sales@${DOMAIN}`], 'the alias is named by its address');
    const [alias] = await env.model('mail.alias').read(m2o(team.alias_id) as number, ['alias_model_id', 'alias_defaults', 'alias_parent_thread_id']);
    t.equal((alias.alias_model_id as [number, string])[1], 'crm.lead');
    t.equal(alias.alias_defaults, `{'type': 'opportunity', 'team_id': ${teamId}}`);
    t.equal(alias.alias_parent_thread_id, teamId);

    const { views } = await env.model('crm.team').get_views([[false, 'form']]);
    t.match(views.form.arch, /<field name="alias_name" string="Email Alias"/);
    t.match(views.form.arch, /<field name="alias_domain"/);
    const settings = env.model<ResConfigSettings>('res.config.settings');
    const layout = await (settings as unknown as { get_settings_layout(): Promise<Array<{ module: string; settings: Array<{ name: string }> }>> }).get_settings_layout();
    t.ok(layout.find((s) => s.module === 'mail')?.settings.some((s) => s.name === 'alias_domain'), 'the alias domain is on the Settings page');
    t.equal((await settings.default_get(['alias_domain'])).alias_domain, DOMAIN);
  });
});

let firstMessageId = '';
let leadId = 0;

t.test('mail to sales@ creates an opportunity in the Sales team with the sender, subject, body and attachment', async (t) => {
  const before = lines.length;
  const info = await mailer.sendMail({
    from: 'Sara Ahmadi <sara@azadi.example>', to: `sales@${DOMAIN}`, subject: 'Quote for 40 desks',
    text: 'Hello,\nwe need 40 desks.', html: '<p>Hello,<br>we need <b>40 desks</b>.</p><script>alert(1)</script><a href="javascript:alert(2)">x</a>',
    attachments: [{ filename: 'plan.pdf', content: Buffer.from('%PDF-1.4 floor plan'), contentType: 'application/pdf' }],
  });
  t.same(info.accepted, [`sales@${DOMAIN}`]);
  firstMessageId = info.messageId;
  await db.rollback(async (env) => {
    const [lead] = await leadsNamed(env, 'Quote for 40 desks');
    t.ok(lead, 'the opportunity exists');
    leadId = lead.id;
    t.equal(lead.type, 'opportunity', 'the Leads setting is off');
    t.equal(m2o(lead.team_id), await ref(env, 'crm.team_sales_department'));
    t.equal(m2o(lead.stage_id), await ref(env, 'crm.stage_lead1'));
    t.equal(lead.email_from, 'sara@azadi.example');
    t.equal(lead.contact_name, 'Sara Ahmadi');
    t.equal(m2o(lead.partner_id), partnerId, 'the sender is found by email');
    t.equal(lead.user_id, false, 'nobody is the salesperson yet');
    t.match(lead.description, /we need <b>40 desks<\/b>/);
    t.notMatch(lead.description, /script|javascript|alert/, 'the html is sanitized');

    const [email] = await emailsOf(env, lead.id);
    t.equal(email.message_id, firstMessageId);
    t.equal(email.subject, 'Quote for 40 desks');
    t.equal(m2o(email.author_id), partnerId);
    t.match(email.body, /40 desks/);
    const [file] = await env.model('ir.attachment').read(email.attachment_ids as number[], ['name', 'mimetype', 'datas', 'res_model', 'res_id', 'file_size']);
    t.equal(file.name, 'plan.pdf');
    t.equal(file.mimetype, 'application/pdf');
    t.equal(Buffer.from(String(file.datas), 'base64').toString(), '%PDF-1.4 floor plan');
    t.same([file.res_model, file.res_id, file.file_size], ['crm.lead', lead.id, 19], 'the file is kept with the lead');
  });
  const logged = lines.slice(before);
  t.equal(logged.length, 1, 'one log line for the message');
  t.match(logged[0], { component: 'smtp', db: db.name, message_id: firstMessageId, outcome: 'ok', routes: [{ kind: 'new', model: 'crm.lead', res_id: leadId, alias: 'sales' }] });
});

t.test('a reply goes to the chatter of the lead it answers, not to a new lead', async (t) => {
  const info = await mailer.sendMail({
    from: 'sara@azadi.example', to: `sales@${DOMAIN}`, subject: 'Re: Quote for 40 desks',
    inReplyTo: firstMessageId, references: [firstMessageId], text: 'Any news?\nSet-Probability: 40\n',
  });
  await db.rollback(async (env) => {
    t.same(await leadsNamed(env, 'Re: Quote for 40 desks'), [], 'no lead for the reply');
    const emails = await emailsOf(env, leadId);
    t.same(emails.map((e) => e.message_id), [firstMessageId, info.messageId]);
    t.match(emails[1].body, /Any news\?/);
    t.equal((await leadsNamed(env, 'Quote for 40 desks'))[0].probability, 40, 'Set-Probability: 40 sets the probability, as in Odoo');
  });
  // The same message delivered twice (a sender retrying) is received once.
  const raw = `From: sara@azadi.example\r\nTo: sales@${DOMAIN}\r\nSubject: Twice\r\nMessage-ID: <twice@azadi.example>\r\n\r\nonce\r\n`;
  await mailer.sendMail({ envelope: { from: 'sara@azadi.example', to: [`sales@${DOMAIN}`] }, raw });
  await mailer.sendMail({ envelope: { from: 'sara@azadi.example', to: [`sales@${DOMAIN}`] }, raw });
  await db.rollback(async (env) => t.equal((await leadsNamed(env, 'Twice')).length, 1));
  t.match(lines.at(-1), { outcome: 'duplicate', message_id: '<twice@azadi.example>' });
});

t.test('with the Leads setting on, the Sales team (which uses leads) receives leads', async (t) => {
  await db.commit((env) => setLeads(env, true));
  t.teardown(() => db.commit((env) => setLeads(env, false)));
  await mailer.sendMail({ from: 'ali@gmail.example', to: `Sales <sales@${DOMAIN}>`, subject: 'Catalogue please', text: 'Send me your catalogue.' });
  await db.rollback(async (env) => {
    const [lead] = await leadsNamed(env, 'Catalogue please');
    t.equal(lead.type, 'lead');
    t.equal(lead.partner_id, false, 'an unknown sender is only an address');
    t.equal(lead.email_from, 'ali@gmail.example');
    t.match(lead.description, /<p>Send me your catalogue\.<\/p>/, 'a text body becomes html');
    const teamId = await ref(env, 'crm.team_sales_department');
    await env.model('crm.team').write(teamId, { use_leads: false });
    const [team] = await env.model('crm.team').read(teamId, ['alias_id']);
    const [alias] = await env.model('mail.alias').read(m2o(team.alias_id) as number, ['alias_defaults']);
    t.equal(alias.alias_defaults, `{'type': 'opportunity', 'team_id': ${teamId}}`, 'a team without leads receives opportunities');
  });
});

t.test('an unknown alias is refused at RCPT TO with a 550 the sender sees', async (t) => {
  const error = await mailer.sendMail({ from: 'sara@azadi.example', to: `nobody@${DOMAIN}`, subject: 'Lost', text: 'x' })
    .then(() => null, (e: Error & { responseCode?: number; response?: string }) => e);
  t.ok(error, 'the mail is refused');
  t.equal(error?.responseCode, 550);
  t.match(error?.response, /nobody@example\.com>: Recipient address rejected: no such alias/);
  const wrongDomain = await mailer.sendMail({ from: 'sara@azadi.example', to: 'sales@other.example', subject: 'Lost', text: 'x' })
    .then(() => null, (e: Error & { responseCode?: number }) => e);
  t.equal(wrongDomain?.responseCode, 550, 'the alias answers at its company domain only');
  await db.rollback(async (env) => t.same(await leadsNamed(env, 'Lost'), []));
  t.match(lines.at(-1), { outcome: 'refused', to: 'sales@other.example' });
});

t.test('an alias open to partners only refuses unknown senders', async (t) => {
  const team = await db.commit(async (env) => {
    const id = await ref(env, 'crm.team_sales_department');
    await env.model('crm.team').write(id, { alias_contact: 'partners' });
    return id;
  });
  t.teardown(() => db.commit((env) => env.model('crm.team').write(team, { alias_contact: 'everyone' })));
  const stranger = await mailer.sendMail({ from: 'spam@bulk.example', to: `sales@${DOMAIN}`, subject: 'Cheap pills', text: 'x' })
    .then(() => null, (e: Error & { responseCode?: number; response?: string }) => e);
  t.equal(stranger?.responseCode, 550);
  t.match(stranger?.response, /Only known contacts may write to sales/);
  await mailer.sendMail({ from: 'sara@azadi.example', to: `sales@${DOMAIN}`, subject: 'From a customer', text: 'x' });
  await db.rollback(async (env) => {
    t.same(await leadsNamed(env, 'Cheap pills'), []);
    t.equal((await leadsNamed(env, 'From a customer')).length, 1, 'a partner may write');
  });
});

t.test('a message that cannot be stored leaves nothing behind', async (t) => {
  const counts = (env: Env) => Promise.all(['crm.lead', 'mail.message', 'ir.attachment'].map((m) => env.model(m).with_context({ active_test: false }).search_count([])));
  const before = await db.rollback(counts);
  // A file name with a NUL byte (RFC 2231 encoded): PostgreSQL refuses it after the lead and
  // its message were created, so the whole message must be rolled back.
  const raw = [
    'From: Sara <sara@azadi.example>', `To: sales@${DOMAIN}`, 'Subject: Half a lead?', 'Message-ID: <nul@azadi.example>',
    'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '',
    '--b', 'Content-Type: text/plain', '', 'See attached.', '--b',
    'Content-Type: text/plain', "Content-Disposition: attachment; filename*=UTF-8''bad%00name.txt", '', 'x', '--b--', '',
  ].join('\r\n');
  const error = await mailer.sendMail({ envelope: { from: 'sara@azadi.example', to: [`sales@${DOMAIN}`] }, raw })
    .then(() => null, (e: Error & { responseCode?: number; response?: string }) => e);
  t.equal(error?.responseCode, 554, 'refused for good, not to be retried');
  t.match(error?.response, /cannot be stored/);
  t.same(await db.rollback(counts), before, 'no lead, message or attachment was kept');

  const anonymous = await mailer.sendMail({ envelope: { from: 'x@y.example', to: [`sales@${DOMAIN}`] }, raw: `To: sales@${DOMAIN}\r\nSubject: Nobody\r\n\r\nhi\r\n` })
    .then(() => null, (e: Error & { responseCode?: number; response?: string }) => e);
  t.equal(anonymous?.responseCode, 550);
  t.match(anonymous?.response, /no sender address/);
  t.same(await db.rollback(counts), before);
});

t.test('aliases are unique per domain, cleaned, and created with the teams at a fixed cost', async (t) => {
  await db.rollback(async (env) => {
    const teams = env.model('crm.team');
    await t.rejects(teams.create({ name: 'Copycat', alias_name: 'SALES' }), { code: 'ERP_CONSTRAINT', message: /sales@example\.com is already used/ });
    const id = await teams.create({ name: 'Exports', alias_name: 'Ventes Export@whatever.org' });
    t.equal((await teams.read(id, ['alias_name']))[0].alias_name, 'ventes-export');
    await teams.write(id, { use_leads: false, use_opportunities: false });
    t.equal((await teams.read(id, ['alias_name']))[0].alias_name, false, 'a team without leads nor pipeline has no address');
    // A team made before crm had aliases gets one when its alias is first written.
    await env.cr.execute('UPDATE crm_team SET alias_id = NULL WHERE id = $1', [id]);
    await teams.write(id, { use_opportunities: true, alias_name: 'late' });
    t.same((await teams.read(id, ['alias_name', 'alias_domain']))[0], { id, alias_name: 'late', alias_domain: DOMAIN });

    const cost = async (n: number) => {
      const start = env.cr.queryCount;
      await teams.create(Array.from({ length: n }, (_, i) => ({ name: `Team ${n}-${i}`, alias_name: `team-${n}-${i}` })));
      return env.cr.queryCount - start;
    };
    t.equal(await cost(100), await cost(1), 'creating 100 teams and their aliases costs what 1 does');
  });
});

t.test('`erp start --smtp-port` receives mail for the aliases', { timeout: 120000 }, async (t) => {
  const state = readState()!;
  const [httpPort, smtpPort] = [await freePort(), await freePort()];
  const childEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && !k.startsWith('ERP_')));
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'erp.js'), '--database-url', state.url, 'start', '--db', db.name,
    '--port', String(httpPort), '--smtp-port', String(smtpPort)], { cwd: ROOT, env: childEnv });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL'); });
  await new Promise<void>((resolve, reject) => {
    const watch = (chunk: Buffer) => { output += chunk.toString(); if (output.includes('press Ctrl-C')) resolve(); };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    void exited.then((code) => reject(new Error(`erp start exited (${code}): ${output}`)));
  });
  t.match(output, new RegExp(`smtp: +smtp://127\\.0\\.0\\.1:${smtpPort}`));
  const served = transport(smtpPort);
  await served.sendMail({ from: 'Reza <reza@tehran.example>', to: `sales@${DOMAIN}`, subject: 'Through erp start', text: 'Hi' });
  served.close();
  child.kill('SIGINT');
  const code = await exited;
  if (code !== 0) t.comment(output);
  t.equal(code, 0, 'erp start stops on SIGINT');
  t.match(output, /mail <.+> -> new crm\.lead\(\d+\)/, 'the server logged the message');
  await db.rollback(async (env) => {
    const [lead] = await leadsNamed(env, 'Through erp start');
    t.equal(lead?.contact_name, 'Reza');
  });
});
