// The activity types every database starts with, under Odoo's external ids so that data and code
// written for Odoo (`mail.mail_activity_data_call`) find them. Users edit them: noupdate.

import type { DataRecord } from '../../../modules/data.ts';

const type = (id: string, values: Record<string, unknown>): DataRecord => ({ id, model: 'mail.activity.type', values, noupdate: true });

const records: DataRecord[] = [
  type('mail_activity_data_email', { name: 'Email', icon: 'fa-envelope', delay_count: 0, sequence: 3 }),
  type('mail_activity_data_call', { name: 'Call', icon: 'fa-phone', category: 'phonecall', delay_count: 2, sequence: 4 }),
  type('mail_activity_data_meeting', { name: 'Meeting', icon: 'fa-users', category: 'meeting', sequence: 5 }),
  type('mail_activity_data_todo', { name: 'To-Do', icon: 'fa-check', delay_count: 5, sequence: 6 }),
  type('mail_activity_data_upload_document', { name: 'Upload Document', icon: 'fa-upload', category: 'upload_file', sequence: 25 }),
];

export default records;
