// The domain of a company's email aliases (`sales@<alias_domain>`). Odoo 17 keeps it in a model
// of its own (mail.alias.domain, with bounce and catch-all addresses); one domain per company, as
// text, is all the gateway needs here.

import { extendModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import { errors } from '../../../errors.ts';
import type { MailAlias } from './alias.ts';
import type { Values } from '../../../models/model.ts';

/** A domain name, lower case, without a leading `@`; false when empty. */
export function cleanDomain(value: unknown): string | false {
  if (typeof value !== 'string') return false;
  const domain = value.trim().toLowerCase().replace(/^@+/, '');
  return domain || false;
}

const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

export const CompanyAliasDomain = extendModel('res.company', {
  fields: {
    alias_domain: fields.char({ string: 'Alias Domain', help: 'The domain of the email aliases of this company, e.g. "example.com" for sales@example.com' }),
  },
  constraints: [{
    fields: ['alias_domain'],
    check(records) {
      for (const r of records) {
        if (r.alias_domain && !DOMAIN.test(String(r.alias_domain))) {
          throw errors.constraint('res.company', `"${r.alias_domain}" is not a domain name (e.g. example.com).`, ['alias_domain']);
        }
      }
    },
  }],
  methods: (Base) => class extends Base {
    override async create(vals: Values | Values[]): Promise<any> {
      const list = (Array.isArray(vals) ? vals : [vals]).map((v) => ('alias_domain' in v ? { ...v, alias_domain: cleanDomain(v.alias_domain) } : v));
      return Array.isArray(vals) ? super.create(list) : super.create(list[0]);
    }

    /** A new domain may make two companies' aliases the same address: refused. */
    override async write(ids: number[] | number, vals: Values): Promise<true> {
      if (!('alias_domain' in vals)) return super.write(ids, vals);
      await super.write(ids, { ...vals, alias_domain: cleanDomain(vals.alias_domain) });
      const aliases = this.env.sudo().model<MailAlias>('mail.alias');
      const list = Array.isArray(ids) ? ids : [ids];
      await aliases._check_unique(await aliases.search([['company_id', 'in', list]]));
      return true;
    }
  },
});
