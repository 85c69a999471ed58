// The library's setting, on the Settings page: the loan duration, kept in the system parameter
// `doc_library.loan_days` (which action_lend reads).

import { extendModel, fields } from '../../../../core/index.ts';

export const LibrarySettings = extendModel('res.config.settings', {
  fields: {
    library_loan_days: fields.integer({ string: 'Loan Duration (days)', configParameter: 'doc_library.loan_days' }),
  },
});
