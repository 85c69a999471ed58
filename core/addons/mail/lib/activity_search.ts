// Searching records by their activities (Odoo's `_search_activity_*` of mail.activity.mixin):
// "My activities", "Late activities", "Today activities", "Future activities" filters. The
// activity fields are computed, so each becomes a sub-select on mail_activity over the record's
// (res_model, res_id), never a read of the records.

import { errors } from '../../../errors.ts';
import { now } from '../../../clock.ts';
import type { SearchFn, SearchLeaf } from '../../../models/types.ts';
import { dateInTz } from './dates.ts';

const q = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/** The records (ids of `alias`) having an activity that matches `where` (SQL over `a`). */
const having = (leaf: SearchLeaf, model: string, where: string, negate = false): string =>
  `${q(leaf.alias)}."id" ${negate ? 'NOT IN' : 'IN'} (SELECT a."res_id" FROM "mail_activity" a WHERE a."res_model" = ${leaf.param(model)} AND ${where})`;

const isEmpty = (v: unknown): boolean => v === false || v === null || v === undefined;

const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=']);

/** A column of the activities compared to a value; `=`/`!=` false means "no activity" / "some". */
function compare(model: string, column: string, extra?: (leaf: SearchLeaf) => string): SearchFn {
  return (leaf) => {
    const scope = extra ? ` AND ${extra(leaf)}` : '';
    if ((leaf.op === '=' || leaf.op === '!=') && isEmpty(leaf.value)) return having(leaf, model, `TRUE${scope}`, leaf.op === '=');
    if (leaf.op === 'in' || leaf.op === 'not in') {
      const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
      const texts = values.filter((v) => !isEmpty(v)).map(String);
      return having(leaf, model, `a.${q(column)}::text = ANY(${leaf.param(texts)}::text[])${scope}`, leaf.op === 'not in');
    }
    if (!COMPARISONS.has(leaf.op)) throw errors.invalidDomain(`operator "${leaf.op}" does not apply to the activity field`, { op: leaf.op });
    if (leaf.op === '!=') return having(leaf, model, `a.${q(column)} = ${leaf.param(leaf.value)}${scope}`, true);
    return having(leaf, model, `a.${q(column)} ${leaf.op} ${leaf.param(leaf.value)}${scope}`);
  };
}

/** Today in the searching user's time zone (the context's `tz`), as the deadline is a date. */
const today = (leaf: SearchLeaf): string => dateInTz(now(leaf.context), typeof leaf.context.tz === 'string' && leaf.context.tz ? leaf.context.tz : 'UTC');

/** The record's state is that of its earliest deadline: overdue, today or planned. */
function searchState(model: string): SearchFn {
  return (leaf) => {
    const wanted = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
    if (!['=', '!=', 'in', 'not in'].includes(leaf.op)) throw errors.invalidDomain(`operator "${leaf.op}" does not apply to the activity state`, { op: leaf.op });
    const negate = leaf.op === '!=' || leaf.op === 'not in';
    const states = wanted.filter((w) => !isEmpty(w));
    // A placeholder PostgreSQL never sees used cannot be typed: add the day only when needed.
    const day = states.length ? leaf.param(today(leaf)) : '';
    const conditions = states.map((state) => {
      if (state === 'overdue') return `min(a."date_deadline") < ${day}::date`;
      if (state === 'today') return `min(a."date_deadline") = ${day}::date`;
      if (state === 'planned') return `min(a."date_deadline") > ${day}::date`;
      throw errors.invalidDomain(`"${String(state)}" is not an activity state`, { value: state });
    });
    const parts: string[] = [];
    if (conditions.length) {
      parts.push(`${q(leaf.alias)}."id" IN (SELECT a."res_id" FROM "mail_activity" a WHERE a."res_model" = ${leaf.param(model)} GROUP BY a."res_id" HAVING ${conditions.join(' OR ')})`);
    }
    if (wanted.some(isEmpty)) parts.push(having(leaf, model, 'TRUE', true));
    const sql = parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
    return negate ? `NOT COALESCE(${sql}, FALSE)` : sql;
  };
}

/** The search functions of the activity fields of `model`. */
export function activitySearches(model: string): Record<string, SearchFn> {
  return {
    activity_ids: compare(model, 'id'),
    activity_state: searchState(model),
    activity_date_deadline: compare(model, 'date_deadline'),
    activity_type_id: compare(model, 'activity_type_id'),
    activity_user_id: compare(model, 'user_id'),
    activity_summary: compare(model, 'summary'),
    my_activity_date_deadline: compare(model, 'date_deadline', (leaf) => `a."user_id" = ${leaf.param(leaf.uid ?? 0)}`),
  };
}
