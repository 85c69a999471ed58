// crm.lead.directory.import: "Import Directory", the dialog in which an administrator gives an
// XLSX or CSV file of companies and their contacts (one row per contact) and presses Load. All or
// nothing: a bad row stops the import, and the error names each bad row and column
// (lib/lead_directory_import.ts).

import { defineModel, errors, fields, type Values } from '../../../core/index.ts';
import { catalogOf } from '../../../core/index.ts';
import { importDirectory } from '../lib/lead_directory_import.ts';

export const LeadDirectoryImport = defineModel({
  name: 'crm.lead.directory.import',
  description: 'Import the Lead Generation Directory',
  transient: true,
  fields: {
    file: fields.binary({ string: 'File', required: true, help: 'An Excel workbook (.xlsx) or a CSV file: one row per contact, the company repeated on each of its rows.' }),
    file_name: fields.char({ string: 'File Name' }),
  },
  methods: (Base) => class extends Base {
    /** Loads the file; a notification says what was loaded, and the directory under the dialog
     *  shows it. */
    async action_load(ids: number[] | number): Promise<Values> {
      const id = Array.isArray(ids) ? ids[0] : ids;
      const [wizard] = await this.read(id, ['file', 'file_name']);
      if (!wizard) throw errors.missing(this.meta.name, [id]);
      if (typeof wizard.file !== 'string' || !wizard.file) throw errors.userError('Choose the file to import.');
      const summary = await importDirectory(this.env, Buffer.from(wizard.file, 'base64'), String(wizard.file_name || ''));
      const catalog = catalogOf(this.env);
      const tr = (text: string) => catalog?.get(text) ?? text;
      const message = tr('{companies} companies and {contacts} contacts loaded ({existing} companies were in the directory already).')
        .replace('{companies}', String(summary.companies_created)).replace('{contacts}', String(summary.contacts_created))
        .replace('{existing}', String(summary.companies_existing));
      return {
        type: 'ir.actions.client', tag: 'display_notification',
        params: { type: 'success', sticky: false, title: tr('Directory imported'), message, summary },
      };
    }
  },
});
