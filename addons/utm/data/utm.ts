// The media and sources every database starts with, under Odoo's external ids.

import type { DataRecord } from '../../../core/index.ts';

const medium = (id: string, name: string): DataRecord => ({ id, model: 'utm.medium', values: { name }, noupdate: true });
const source = (id: string, name: string): DataRecord => ({ id, model: 'utm.source', values: { name }, noupdate: true });

const records: DataRecord[] = [
  medium('utm_medium_website', 'Website'),
  medium('utm_medium_phone', 'Phone'),
  medium('utm_medium_direct', 'Direct'),
  medium('utm_medium_email', 'Email'),
  medium('utm_medium_banner', 'Banner'),
  medium('utm_medium_social', 'Social Media'),
  source('utm_source_search_engine', 'Search engine'),
  source('utm_source_mailing', 'Lead Recall'),
  source('utm_source_newsletter', 'Newsletter'),
  source('utm_source_facebook', 'Facebook'),
  source('utm_source_twitter', 'X'),
  source('utm_source_linkedin', 'LinkedIn'),
];

export default records;
