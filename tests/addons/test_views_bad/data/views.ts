import { ref, type DataRecord } from '../../../../core/index.ts';

const records: DataRecord[] = [
  { id: 'test_lead_view_form_bad', model: 'ir.ui.view', values: {
    name: 'test.lead.form.bad', inherit_id: ref('test_views.test_lead_view_form'),
    arch: '<xpath expr="//field[@name=\'no_such_field\']" position="after"><field name="color"/></xpath>',
  } },
];

export default records;
