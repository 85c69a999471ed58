// The assignment domains of sales teams and their members, kept as Odoo keeps them: Python text
// (`[('probability', '>=', 10)]`). Odoo reads them with `literal_eval`; here the core's parser of
// rule domains reads them (never evaluated as code), and names (`uid`, `user.id`) are refused as
// `literal_eval` refuses them, so a domain means the same whoever runs the assignment.

import { errors, evalRuleDomain, parseRuleDomain, type Domain, type Env } from '../../../core/index.ts';

/** Quoted strings removed, what is left may hold only literals and punctuation. */
const NAME = /[A-Za-z_][A-Za-z0-9_]*/g;
const LITERALS = new Set(['True', 'False', 'None']);
const STRINGS = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;

/** The domain of `text` (empty: every record); throws a plain Error saying what is wrong. */
export function parseAssignmentDomain(text: unknown): Domain {
  if (text === false || text === null || text === undefined || (typeof text === 'string' && !text.trim())) return [];
  if (typeof text !== 'string') throw new Error('the domain must be written as text, such as [(\'probability\', \'>=\', 10)]');
  const names = (text.replace(STRINGS, '').match(NAME) ?? []).filter((name) => !LITERALS.has(name));
  if (names.length) throw new Error(`only literal values may be used, not "${names[0]}"`);
  try {
    // No names are left, so the context is never consulted.
    return evalRuleDomain(parseRuleDomain('assignment', text), { uid: 0, login: null, companyId: null, partnerId: null, companyIds: [] });
  } catch (error) {
    throw new Error(String((error as Error).message).replace(/^Record rule "assignment" has an invalid domain: /, ''));
  }
}

/**
 * Checks that each text is a domain crm.lead can be searched with (Odoo's
 * `_constrains_assignment_domain`): parsed, then one search_count per distinct domain, so that an
 * unknown field or operator is refused when the team or member is saved, not when leads are
 * assigned. `label(i)` names the record at fault in the message.
 */
export async function checkAssignmentDomains(env: Env, model: string, texts: unknown[], label: (i: number) => Promise<string>): Promise<void> {
  const seen = new Set<string>();
  for (const [i, text] of texts.entries()) {
    if (typeof text !== 'string' || !text.trim() || seen.has(text)) continue;
    seen.add(text);
    try {
      const domain = parseAssignmentDomain(text);
      // In a savepoint: a value PostgreSQL refuses (a word compared with a number) must not
      // abort the caller's transaction, only this check.
      if (domain.length) await env.cr.savepoint(() => env.model('crm.lead').sudo().with_context({ active_test: false }).search_count(domain, { limit: 1 }));
    } catch (error) {
      const reason = String((error as Error).message).replace(/^Invalid domain: /, '');
      throw errors.constraint(model, `${await label(i)} is incorrectly formatted: ${reason}`, ['assignment_domain']);
    }
  }
}
