// crm.lead and incoming email (Odoo 17's crm.lead message_new / message_update): an email to a
// team's alias becomes a lead whose contact is the sender (their partner when their address is
// known), named after the subject, described by the body, in the alias's team; a reply lands in
// the lead's chatter and may set its revenue or probability with `Set-Revenue: 5000` and
// `Set-Probability: 40` lines, as Odoo's gateway reads them.

import { extendModel, type Values } from '../../../core/index.ts';
import type { InboundMessage, MailThread } from '../../../core/addons/mail/mixins.ts';

/** Odoo's `tools.command_re`, and the fields its commands may set on a lead. */
const COMMAND = /^Set-([a-z]+) *: *(.+)$/i;
const COMMANDS: Record<string, string> = { revenue: 'expected_revenue', probability: 'probability' };

/** `Set-Revenue: 12 000` and `Set-Probability: 40%` lines of a reply, as field values. */
export function commandValues(text: string): Values {
  const values: Values = {};
  for (const line of text.split('\n')) {
    const match = COMMAND.exec(line.trim());
    const field = match ? COMMANDS[match[1].toLowerCase()] : undefined;
    if (!match || !field) continue;
    const number = Number(match[2].replace(/[\s,%]/g, ''));
    if (Number.isFinite(number) && (field !== 'probability' || (number >= 0 && number <= 100))) values[field] = number;
  }
  return values;
}

export const LeadGateway = extendModel('crm.lead', {
  methods: (Base) => class extends (Base as new (...args: ConstructorParameters<typeof Base>) => MailThread) {
    override async message_new(msg: InboundMessage, customValues: Values = {}): Promise<number> {
      const defaults: Values = {
        name: msg.subject || 'No Subject',
        email_from: msg.email_from,
        partner_id: msg.author_id || false,
        description: msg.body || false,
        // Without a name in the header, the sender's partner (if any) gives it.
        ...(msg.from_name ? { contact_name: msg.from_name } : {}),
        ...customValues,
      };
      if (!('company_id' in defaults) && typeof defaults.team_id === 'number') {
        const [team] = await this.env.sudo().model('crm.team').read(defaults.team_id, ['company_id']);
        if (Array.isArray(team?.company_id)) defaults.company_id = team.company_id[0];
      }
      // The gateway's user is nobody's salesperson: the lead waits for its assignment.
      return super.message_new.call(this.with_context({ default_user_id: false }), msg, defaults);
    }

    override async message_update(ids: number[] | number, msg: InboundMessage, updateValues: Values = {}): Promise<true> {
      return super.message_update(ids, msg, { ...commandValues(msg.text), ...updateValues });
    }
  },
});
