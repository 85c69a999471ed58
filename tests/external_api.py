#!/usr/bin/env python3
"""Odoo's External API, as its documentation shows it (xmlrpc.client, /xmlrpc/2/common and
/xmlrpc/2/object), run against a server: prints one JSON object with every result.

Usage: external_api.py URL DB USERNAME PASSWORD
Written only from Odoo's public "External API" documentation; nothing here knows the server.
"""

import json
import sys
import xmlrpc.client

url, db, username, password = sys.argv[1:5]
out = {}

# Logging in
common = xmlrpc.client.ServerProxy('{}/xmlrpc/2/common'.format(url))
out['version'] = common.version()
uid = common.authenticate(db, username, password, {})
out['uid'] = uid
out['bad_login'] = common.authenticate(db, username, password + '-wrong', {})

# Calling methods
models = xmlrpc.client.ServerProxy('{}/xmlrpc/2/object'.format(url))
out['check_access_rights'] = models.execute_kw(db, uid, password, 'res.partner', 'check_access_rights', ['read'], {'raise_exception': False})

# List records
out['search'] = models.execute_kw(db, uid, password, 'res.partner', 'search', [[['is_company', '=', True]]])
# Pagination
out['search_paged'] = models.execute_kw(db, uid, password, 'res.partner', 'search', [[['is_company', '=', True]]], {'offset': 10, 'limit': 5})
# Count records
out['search_count'] = models.execute_kw(db, uid, password, 'res.partner', 'search_count', [[['is_company', '=', True]]])

# Read records
ids = models.execute_kw(db, uid, password, 'res.partner', 'search', [[['is_company', '=', True]]], {'limit': 1})
[record] = models.execute_kw(db, uid, password, 'res.partner', 'read', [ids])
out['read_all_fields_count'] = len(record)
out['read_has_name'] = 'name' in record
out['read_fields'] = models.execute_kw(db, uid, password, 'res.partner', 'read', [ids], {'fields': ['name', 'country_id', 'email']})

# Listing record fields
fields = models.execute_kw(db, uid, password, 'res.partner', 'fields_get', [], {'attributes': ['string', 'help', 'type']})
out['fields_get_name'] = fields['name']
out['fields_get_country_id'] = fields['country_id']

# Search and read
out['search_read'] = models.execute_kw(db, uid, password, 'res.partner', 'search_read', [[['is_company', '=', True]]], {'fields': ['name', 'country_id', 'email'], 'limit': 5})

# Create records
id = models.execute_kw(db, uid, password, 'res.partner', 'create', [{'name': "New Partner"}])
out['create'] = id

# Update records
out['write'] = models.execute_kw(db, uid, password, 'res.partner', 'write', [[id], {'name': "Newer partner"}])
# get record name after having changed it
out['display_name'] = models.execute_kw(db, uid, password, 'res.partner', 'read', [[id], ['display_name']])
out['name_search'] = models.execute_kw(db, uid, password, 'res.partner', 'name_search', ['Newer part'], {'limit': 5})

# Grouping
out['read_group'] = models.execute_kw(db, uid, password, 'res.partner', 'read_group', [[['is_company', '=', True]], ['is_company'], ['is_company']], {'lazy': True})

# Delete records
out['unlink'] = models.execute_kw(db, uid, password, 'res.partner', 'unlink', [[id]])
# check if the deleted record is still in the database
out['search_deleted'] = models.execute_kw(db, uid, password, 'res.partner', 'search', [[['id', '=', id]]])

# Errors come back as xmlrpc.client.Fault
def fault(call):
    try:
        call()
    except xmlrpc.client.Fault as error:
        return {'faultCode': error.faultCode, 'faultString': error.faultString}
    return None

out['fault_wrong_password'] = fault(lambda: models.execute_kw(db, uid, 'wrong', 'res.partner', 'search', [[]]))
out['fault_unknown_field'] = fault(lambda: models.execute_kw(db, uid, password, 'res.partner', 'search', [[['no_such_field', '=', 1]]]))
out['fault_private'] = fault(lambda: models.execute_kw(db, uid, password, 'res.partner', '_display_names', [[1]]))

print(json.dumps(out, indent=1, sort_keys=True))
