// What an import may say about a cell or a row, as templates with named values. The server sends
// the code and the values along with the English text, so that the web client shows the message
// in the user's language (its t() has the Persian of each template). Plain text (no Node), so
// that the client's bundle can import it.

export const IMPORT_MESSAGES = {
  not_number: '"{value}" is not a number',
  not_integer: '"{value}" is not a whole number',
  not_boolean: '"{value}" is not a yes/no value (use 1/0, true/false or yes/no)',
  not_choice: '"{value}" is not one of {choices}',
  not_date: '"{value}" is not a date (use YYYY-MM-DD, or DD/MM/YYYY)',
  not_datetime: '"{value}" is not a date and time (use YYYY-MM-DD HH:MM:SS)',
  not_imported_type: 'Fields of type {type} cannot be imported',
  no_name: '"{model}" records have no name to look up: use the External ID or Database ID column',
  unknown_name: 'No {model} record is named "{value}"',
  unknown_xmlid: 'No {model} record has the external id "{value}"',
  unknown_id: 'No {model} record has the database id {value}',
  not_an_id: '"{value}" is not a database id',
  xmlid_other_model: 'The external id "{value}" belongs to a record of another model ({model})',
  xmlid_twice: 'The external id "{value}" appears on several rows',
  xmlid_spaces: 'External ids cannot contain spaces ("{value}")',
  required: '{field} is required',
  ambiguous: '{count} records are named "{value}": the first one is used',
  stopped: 'Stopped after {count} errors: fix these rows and test again',
} as const;

export type ImportCode = keyof typeof IMPORT_MESSAGES;

export type MessageValues = Record<string, string | number>;

/** A message of the import: its code and values, and its English text. */
export interface Problem {
  code: ImportCode;
  values: MessageValues;
  message: string;
}

export const fillTemplate = (template: string, values: MessageValues): string =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));

export function problem(code: ImportCode, values: MessageValues = {}): Problem {
  return { code, values, message: fillTemplate(IMPORT_MESSAGES[code], values) };
}
