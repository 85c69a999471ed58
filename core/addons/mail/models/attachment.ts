// ir.attachment: a file kept with a record (`res_model`, `res_id`), as Odoo's. The minimal part
// the mail gateway needs: the files of an incoming email are kept with the record it created or
// replied to, and with the message (`mail.message.attachment_ids`). Contents live in the
// database (`datas`, bytea), not in a file store.

import { defineModel } from '../../../models/define.ts';
import { fields } from '../../../models/fields.ts';
import type { Values } from '../../../models/model.ts';

/** The size of a base64 text or a Buffer, in bytes. */
function byteSize(datas: unknown): number {
  if (Buffer.isBuffer(datas)) return datas.length;
  if (typeof datas !== 'string' || !datas) return 0;
  return Buffer.from(datas, 'base64').length;
}

export const Attachment = defineModel({
  name: 'ir.attachment',
  description: 'Attachment',
  order: 'id desc',
  fields: {
    name: fields.char({ string: 'Name', required: true }),
    description: fields.text({ string: 'Description' }),
    res_model: fields.char({ string: 'Resource Model', index: true, help: 'The model of the record this attachment belongs to' }),
    res_id: fields.integer({ string: 'Resource ID', index: true, help: 'The record this attachment belongs to' }),
    mimetype: fields.char({ string: 'Mime Type', default: 'application/octet-stream' }),
    datas: fields.binary({ string: 'File Content' }),
    file_size: fields.integer({ string: 'File Size', readonly: true }),
    company_id: fields.many2one('res.company', { string: 'Company', default: (env: { company(): Promise<number | null> }) => env.company() }),
  },
  methods: (Base) => class extends Base {
    /** The size follows the contents. */
    override async create(vals: Values | Values[]): Promise<any> {
      const list = (Array.isArray(vals) ? vals : [vals]).map((v) => ('datas' in v ? { ...v, file_size: byteSize(v.datas) } : v));
      return Array.isArray(vals) ? super.create(list) : super.create(list[0]);
    }

    override async write(ids: number[] | number, vals: Values): Promise<true> {
      return super.write(ids, 'datas' in vals ? { ...vals, file_size: byteSize(vals.datas) } : vals);
    }
  },
});
