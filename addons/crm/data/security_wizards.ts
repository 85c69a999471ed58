// Access rights of CRM's wizards: salespeople open, fill and apply them (Odoo gives its transient
// models read, write and create); the records they act on keep their own rights and rules.

import { ref, type DataRecord } from '../../../core/index.ts';

const WIZARDS = ['crm.lead.lost', 'crm.lead2opportunity.partner', 'crm.lead2opportunity.partner.mass', 'crm.merge.opportunity'];

const records: DataRecord[] = WIZARDS.flatMap((model): DataRecord[] => {
  const key = model.replace(/\./g, '_');
  const access = (group: string, suffix: string): DataRecord => ({
    id: `access_${key}_${suffix}`, model: 'ir.model.access',
    values: { name: `access_${key}_${suffix}`, model_id: ref(`model_${key}`), group_id: ref(group), perm_read: true, perm_write: true, perm_create: true, perm_unlink: false },
  });
  return [access('group_sale_salesman', 'salesman'), access('base.group_system', 'system')];
});

export default records;
