// library.tag: a label put on books ("Classic", "Science"). Used by library.book's tag_ids.

import { defineModel, fields } from '../../../../core/index.ts';

export const Tag = defineModel({
  name: 'library.tag',
  description: 'Book Tag',
  order: 'name',
  fields: {
    name: fields.char({ string: 'Tag', required: true }),
    color: fields.integer({ string: 'Color Index' }),
  },
  sqlConstraints: [{ name: 'name_uniq', definition: 'unique(name)', message: 'A tag with this name already exists.' }],
});
