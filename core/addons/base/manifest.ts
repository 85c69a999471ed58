// `base`: the part of the framework every database has. It is an addon like any other (it is
// installed, upgraded and owns its records through the ledger), but it ships with the core.

import { defineAddon } from '../../modules/manifest.ts';
import { IrModule } from './models/ir_module.ts';
import { IrConfigParameter, IrModel, IrModelConstraint, IrModelData, IrModelFields } from './models/ir_model.ts';
import { Country, CountryState, Currency, Lang } from './models/res_geo.ts';
import { Partner, PartnerCategory } from './models/res_partner.ts';
import { Company } from './models/res_company.ts';
import { Groups, Users } from './models/res_users.ts';
import { securityModels } from './models/security.ts';
import { uiModels } from './models/ui.ts';
import { schedulingModels } from './models/scheduling.ts';
import { settingsModels } from './models/settings.ts';
import { filterModels } from './models/ir_filters.ts';

export default defineAddon({
  name: 'base',
  version: '1.0.0',
  summary: 'The kernel: modules, models, partners, companies, users, countries',
  category: 'Hidden',
  license: 'LGPL-3',
  models: [
    IrModule, IrModel, IrModelFields, IrModelConstraint, IrModelData, IrConfigParameter,
    Currency, Country, CountryState, Lang,
    PartnerCategory, Partner, Company, Groups, Users,
    ...securityModels, ...uiModels, ...schedulingModels, ...settingsModels, ...filterModels,
  ],
  data: ['data/currencies.ts', 'data/countries.ts', 'data/states.ts', 'data/langs.ts', 'data/base.ts', 'data/security.ts', 'data/ui.ts', 'data/scheduling.ts'],
});
