// What lead generation adds to crm.lead (Odoo's crm_iap_mine and iap_crm): the request a lead
// came from, the provider's key of its company (`reveal_id`, so that no company is drawn twice),
// the directory company, and "Generate Leads", the button of the leads' list and kanban that opens
// the request as a dialog.

import { extendModel, fields, type Values } from '../../../core/index.ts';
import { catalogOf } from '../../../core/index.ts';

/** crm.lead's merge, as this extension builds on it (models/lead_merge.ts). */
interface LeadMergeFields { _merge_get_fields(): string[] }

export const LeadMining = extendModel('crm.lead', {
  fields: {
    lead_mining_request_id: fields.many2one('crm.iap.lead.mining.request', { string: 'Lead Mining Request', index: true, ondelete: 'set null' }),
    reveal_id: fields.char({ string: 'Reveal ID', index: true, copy: false, help: 'The key of the company at the lead provider it was generated from.' }),
    directory_company_id: fields.many2one('crm.lead.directory.company', { string: 'Directory Company', index: true, ondelete: 'set null', copy: false }),
  },
  methods: (Base) => class extends (Base as new (...args: ConstructorParameters<typeof Base>) => InstanceType<typeof Base> & LeadMergeFields) {
    /** A merged lead keeps where it came from (Odoo adds `lead_mining_request_id`). */
    override _merge_get_fields(): string[] {
      return [...super._merge_get_fields(), 'lead_mining_request_id', 'reveal_id', 'directory_company_id'];
    }

    /** The "Generate Leads" button: the request form in a dialog, for leads in the Leads screen
     *  and opportunities in the pipeline (the screen's `default_type`). */
    async action_generate_leads(): Promise<Values> {
      const type = this.env.context.default_type;
      const dialog = await this.env.refId('crm.crm_iap_lead_mining_request_view_form_dialog');
      return {
        name: catalogOf(this.env)?.get('Need help reaching your target?') ?? 'Need help reaching your target?', type: 'ir.actions.act_window', res_model: 'crm.iap.lead.mining.request',
        target: 'new', views: [[dialog, 'form']],
        context: { is_modal: true, ...(type === 'lead' || type === 'opportunity' ? { default_lead_type: type } : {}) },
      };
    }
  },
});
