// domain: a char field holding a domain as Odoo's Python text (`[('probability', '>=', 10)]`),
// edited as readable rules (field, operator, value; add and remove; all or any of them), with
// the number of records of the target model that match. The model comes from
// `options="{'model': 'crm.lead'}"` (or names a field of the record holding it). A domain the
// rules cannot show (nested, negated) is edited as text in the code editor, which is also there
// for those who prefer it. In a list's line the rules open in a dialog.

import { css, html, nothing } from 'lit';
import { FieldWidget } from './base.ts';
import type { FieldInfo } from '../arch.ts';
import { callKw } from '../rpc.ts';
import { addTranslations, t } from '../i18n.ts';
import { evalContext, evalDomain } from '../search/pydomain.ts';
import {
  defaultRule, domainToRules, domainToText, operatorLabel, operatorsFor, parseList, ruleLabel, rulesToDomain,
  type Rule, type RuleOperator, type RuleTree,
} from './domain_rules.ts';

addTranslations('fa', {
  'Match all records': 'همه رکوردها', 'Match records with the following rule:': 'رکوردهایی که با این قاعده جورند:', 'Match': 'رکوردهایی که با', 'all': 'همه', 'any': 'هر یک از', 'of the following rules:': 'قاعده‌های زیر جور باشند:',
  'New Rule': 'قاعده جدید', 'Remove rule': 'حذف قاعده', 'Code editor': 'ویرایشگر کد', 'Rules': 'قاعده‌ها', 'Edit': 'ویرایش',
  'Close': 'بستن', '{count} records': '{count} رکورد', '1 record': '۱ رکورد', 'The domain is not valid: {reason}': 'دامنه معتبر نیست: {reason}',
  'This domain is too complex for the rules; edit it as code.': 'این دامنه برای قاعده‌ها پیچیده است؛ آن را به صورت کد ویرایش کنید.',
  'Field': 'فیلد', 'Operator': 'عملگر', 'Value': 'مقدار', 'Edit the domain': 'ویرایش دامنه',
});

const SEARCHABLE = new Set(['char', 'text', 'html', 'integer', 'float', 'monetary', 'boolean', 'date', 'datetime', 'selection', 'many2one', 'many2many', 'one2many']);

interface ModelFields { [name: string]: FieldInfo & { searchable?: boolean } }

/** fields_get of each target model, once per page. */
const fieldsCache = new Map<string, Promise<ModelFields>>();
function fieldsOf(model: string): Promise<ModelFields> {
  if (!fieldsCache.has(model)) {
    const request = callKw<ModelFields>(model, 'fields_get', [], { attributes: ['string', 'type', 'selection', 'relation', 'searchable'] });
    request.catch(() => fieldsCache.delete(model));
    fieldsCache.set(model, request);
  }
  return fieldsCache.get(model)!;
}

export class DomainField extends FieldWidget {
  static override properties = { ...FieldWidget.properties, fieldsInfo: { state: true }, count: { state: true }, error: { state: true }, code: { state: true }, open: { state: true } };
  declare private fieldsInfo: ModelFields;
  declare private count: number | null;
  declare private error: string;
  /** The code editor is shown (asked for, or the domain is too complex for rules). */
  declare private code: boolean;
  /** In a list's line: the dialog is open. */
  declare private open: boolean;
  private countedText: string | null = null;
  private countTimer: ReturnType<typeof setTimeout> | undefined;
  private countSeq = 0;

  static override styles = [FieldWidget.styles, css`
    :host { display: block; }
    .o_domain_summary { color: #374151; }
    .o_domain_header { margin: 2px 0 6px; color: #374151; }
    .o_domain_header select { width: auto; display: inline-block; margin: 0 4px; }
    .o_domain_rule { display: grid; grid-template-columns: minmax(120px, 1.2fr) minmax(110px, 1fr) minmax(100px, 1.2fr) 28px; gap: 8px; align-items: center; padding: 3px 0; }
    .o_domain_rule .none { color: #9ca3af; }
    .o_domain_tools { display: flex; gap: 14px; align-items: center; flex-wrap: wrap; margin-top: 6px; font-size: 13px; }
    .link { background: none; border: 0; padding: 0; color: #71639e; cursor: pointer; font: inherit; }
    .link:hover { text-decoration: underline; }
    .bin { background: none; border: 0; cursor: pointer; color: #9ca3af; font-size: 16px; line-height: 1; }
    .bin:hover { color: #dc2626; }
    .count { color: #6b7280; margin-inline-start: auto; }
    .count.bad, .error { color: #b91c1c; }
    textarea { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; min-height: 3.2em; resize: vertical;
      border: 1px solid #d1d5db; border-radius: 4px; padding: 4px 6px; margin-top: 6px; }
    .compact { display: flex; gap: 8px; align-items: center; }
    .compact .o_domain_summary { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 28em; }
    dialog { border: 0; border-radius: 8px; box-shadow: 0 8px 32px rgba(0,0,0,.25); width: min(720px, 92vw); padding: 16px 20px; color: #1f2937; }
    dialog::backdrop { background: rgba(17, 24, 39, .35); }
    dialog h2 { font-size: 16px; font-weight: 600; margin: 0 0 12px; }
    dialog footer { display: flex; justify-content: flex-end; margin-top: 16px; }
    dialog footer button { font: inherit; border: 1px solid #71639e; background: #71639e; color: white; border-radius: 4px; padding: 4px 14px; cursor: pointer; }
  `];

  constructor() {
    super();
    this.fieldsInfo = {};
    this.count = null;
    this.error = '';
    this.code = false;
    this.open = false;
  }

  override disconnectedCallback(): void {
    clearTimeout(this.countTimer);
    super.disconnectedCallback();
  }

  /** The model the domain applies to. */
  private get targetModel(): string {
    try {
      const options = evalContext(this.node?.getAttribute('options') ?? '');
      const model = options.model;
      if (typeof model !== 'string') return '';
      const fromRecord = this.record?.[model];
      return typeof fromRecord === 'string' && fromRecord.includes('.') ? fromRecord : model;
    } catch {
      return '';
    }
  }

  private get text(): string {
    return typeof this.value === 'string' ? this.value : '';
  }

  /** In a list's line (the one2many table): a summary and a dialog. */
  private get compact(): boolean {
    const parent = this.node?.parentElement?.tagName.toLowerCase();
    return parent === 'tree' || parent === 'list';
  }

  /** The domain of the current text, or an error message. */
  private parsed(): { domain: unknown[] } | { error: string } {
    try {
      return { domain: evalDomain(this.text) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }

  override updated(): void {
    // Modal, in the top layer: above the form, whatever the table's overflow.
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    const model = this.targetModel;
    if (model && !Object.keys(this.fieldsInfo).length) {
      void fieldsOf(model).then((fields) => { this.fieldsInfo = fields; }).catch(() => {});
    }
    if (this.countedText !== this.text && model && (!this.compact || this.open || this.readonly)) this.scheduleCount(model);
  }

  private scheduleCount(model: string): void {
    this.countedText = this.text;
    clearTimeout(this.countTimer);
    const parsed = this.parsed();
    if ('error' in parsed) {
      this.countSeq++;
      this.count = null;
      return;
    }
    const seq = ++this.countSeq;
    this.countTimer = setTimeout(() => {
      // Only the answer to the latest domain counts: an older one may arrive after it.
      callKw<number>(model, 'search_count', [parsed.domain]).then((count) => { if (seq === this.countSeq) { this.count = count; this.error = ''; } })
        .catch((error: Error) => { if (seq === this.countSeq) { this.count = null; this.error = t('The domain is not valid: {reason}', { reason: error.message }); } });
    }, 250);
  }

  private get tree(): RuleTree | null {
    const parsed = this.parsed();
    return 'domain' in parsed ? domainToRules(parsed.domain, this.fieldsInfo) : null;
  }

  private commitTree(tree: RuleTree): void {
    this.error = '';
    this.commit(tree.rules.length ? domainToText(rulesToDomain(tree, this.fieldsInfo)) : false);
  }

  private onCode(event: Event): void {
    const text = (event.target as HTMLTextAreaElement).value.trim();
    try {
      evalDomain(text);
    } catch (error) {
      this.error = t('The domain is not valid: {reason}', { reason: (error as Error).message });
      this.reportInvalid(this.error);
      return;
    }
    this.error = '';
    this.commit(text && text !== '[]' ? text : false);
  }

  /** Searchable fields of the model, by label. */
  private get fieldChoices(): Array<[string, string]> {
    return Object.entries(this.fieldsInfo).filter(([, f]) => SEARCHABLE.has(f.type) && f.searchable !== false)
      .map(([name, f]) => [name, f.string || name] as [string, string]).sort((a, b) => a[1].localeCompare(b[1]));
  }

  private summary(tree: RuleTree | null): string {
    if (!this.text.trim() || this.text.trim() === '[]') return t('Match all records');
    if (!tree) return this.text;
    return tree.rules.map((rule) => ruleLabel(rule, this.fieldsInfo)).join(` ${tree.connector === '|' ? t('or') : t('and')} `);
  }

  private countLabel() {
    if (this.error) return html`<span class="count bad" role="alert">${this.error}</span>`;
    if (this.count === null) return nothing;
    return html`<span class="count" aria-live="polite">${this.count === 1 ? t('1 record') : t('{count} records', { count: this.count })}</span>`;
  }

  override render() {
    const tree = this.tree;
    if (this.readonly) return html`<span class="o_domain_summary ro">${this.summary(tree)}</span> ${this.countLabel()}`;
    if (this.compact) {
      return html`<div class="compact"><span class="o_domain_summary" title=${this.summary(tree)}>${this.summary(tree)}</span>
          <button type="button" class="link" aria-label=${t('Edit the domain')} @click=${() => { this.open = true; }}>${t('Edit')}</button></div>
        ${this.open ? html`<dialog aria-label=${t('Edit the domain')} @close=${() => { this.open = false; }}>
          <h2>${this.label || t('Edit the domain')}</h2>${this.editor(tree)}
          <footer><button type="button" @click=${() => { this.open = false; }}>${t('Close')}</button></footer></dialog>` : nothing}`;
    }
    return this.editor(tree);
  }

  private editor(tree: RuleTree | null) {
    const complex = !tree && Boolean(this.text.trim());
    const rules = tree?.rules ?? [];
    return html`<div class="o_domain_editor" role="group" aria-label=${this.label || this.name}>
      ${complex ? html`<p class="error">${t('This domain is too complex for the rules; edit it as code.')}</p>` : html`
        <div class="o_domain_header">${rules.length > 1 ? html`${t('Match')}
          <select aria-label=${t('Match')} @change=${(e: Event) => this.commitTree({ ...tree!, connector: (e.target as HTMLSelectElement).value as '&' | '|' })}>
            <option value="&" ?selected=${tree!.connector === '&'}>${t('all')}</option><option value="|" ?selected=${tree!.connector === '|'}>${t('any')}</option>
          </select>
          ${t('of the following rules:')}` : rules.length ? t('Match records with the following rule:') : t('Match all records')}</div>
        ${rules.map((rule, i) => this.ruleRow(tree!, rule, i))}`}
      <div class="o_domain_tools">
        ${complex ? nothing : html`<button type="button" class="link" @click=${() => this.addRule(tree)}>+ ${t('New Rule')}</button>`}
        <button type="button" class="link" aria-pressed=${String(this.code || complex)} @click=${() => { this.code = !this.code; }}>${t('Code editor')}</button>
        ${this.countLabel()}
      </div>
      ${this.code || complex ? html`<textarea aria-label=${t('Code editor')} spellcheck="false" .value=${this.text}
        @input=${() => this.typing()} @change=${this.onCode}></textarea>` : nothing}
    </div>`;
  }

  private addRule(tree: RuleTree | null): void {
    const choices = this.fieldChoices;
    const path = choices.find(([name]) => name === 'name')?.[0] ?? choices[0]?.[0] ?? 'id';
    const base = tree ?? { connector: '&' as const, rules: [] };
    this.commitTree({ ...base, rules: [...base.rules, defaultRule(path, this.fieldsInfo[path])] });
  }

  private setRule(tree: RuleTree, index: number, rule: Rule): void {
    this.commitTree({ ...tree, rules: tree.rules.map((r, i) => (i === index ? rule : r)) });
  }

  private ruleRow(tree: RuleTree, rule: Rule, index: number) {
    const field = this.fieldsInfo[rule.path];
    const choices = this.fieldChoices;
    const known = choices.some(([name]) => name === rule.path);
    const operators = operatorsFor(field?.type);
    const shownOperators = operators.includes(rule.operator) ? operators : [...operators, rule.operator];
    return html`<div class="o_domain_rule" data-index=${index}>
      <select aria-label=${t('Field')} @change=${(e: Event) => { const path = (e.target as HTMLSelectElement).value; this.setRule(tree, index, defaultRule(path, this.fieldsInfo[path])); }}>
        ${known ? nothing : html`<option value=${rule.path} selected>${rule.path}</option>`}
        ${choices.map(([name, label]) => html`<option value=${name} ?selected=${name === rule.path}>${label}</option>`)}
      </select>
      <select aria-label=${t('Operator')} @change=${(e: Event) => this.setRule(tree, index, this.withOperator(rule, (e.target as HTMLSelectElement).value as RuleOperator))}>
        ${shownOperators.map((op) => html`<option value=${op} ?selected=${op === rule.operator}>${operatorLabel(op)}</option>`)}
      </select>
      ${this.valueInput(tree, rule, index, field)}
      <button type="button" class="bin" aria-label=${t('Remove rule')} title=${t('Remove rule')}
        @click=${() => this.commitTree({ ...tree, rules: tree.rules.filter((_, i) => i !== index) })}>×</button>
    </div>`;
  }

  /** The rule with another operator, its value kept when it still fits. */
  private withOperator(rule: Rule, operator: RuleOperator): Rule {
    if (operator === 'set' || operator === 'not_set') return { ...rule, operator, value: false };
    const list = operator === 'in' || operator === 'not in';
    const wasList = Array.isArray(rule.value);
    if (list && !wasList) return { ...rule, operator, value: rule.value === false || rule.value === '' ? [] : [rule.value] };
    if (!list && wasList) return { ...rule, operator, value: (rule.value as unknown[])[0] ?? defaultRule(rule.path, this.fieldsInfo[rule.path]).value };
    if (rule.value === false) return { ...rule, operator, value: defaultRule(rule.path, this.fieldsInfo[rule.path]).value };
    return { ...rule, operator };
  }

  private valueInput(tree: RuleTree, rule: Rule, index: number, field: FieldInfo | undefined) {
    if (rule.operator === 'set' || rule.operator === 'not_set') return html`<span class="none"></span>`;
    const set = (value: unknown) => this.setRule(tree, index, { ...rule, value });
    const type = field?.type;
    if (rule.operator === 'in' || rule.operator === 'not in') {
      const text = Array.isArray(rule.value) ? rule.value.join(', ') : String(rule.value ?? '');
      return html`<input type="text" aria-label=${t('Value')} .value=${text} @keydown=${this.onEnter}
        @change=${(e: Event) => set(parseList((e.target as HTMLInputElement).value, type))}>`;
    }
    if (type === 'selection') {
      return html`<select aria-label=${t('Value')} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        ${(field?.selection ?? []).map(([key, label]) => html`<option value=${key} ?selected=${key === rule.value}>${label}</option>`)}</select>`;
    }
    const numeric = ['integer', 'float', 'monetary'].includes(type ?? '') || (type === 'many2one' && (rule.operator === '=' || rule.operator === '!='));
    const inputType = numeric ? 'number' : type === 'date' ? 'date' : 'text';
    return html`<input type=${inputType} aria-label=${t('Value')} step=${type === 'integer' || type === 'many2one' ? '1' : 'any'}
      .value=${rule.value === false || rule.value === null || rule.value === undefined ? '' : String(rule.value)} @keydown=${this.onEnter}
      @change=${(e: Event) => { const raw = (e.target as HTMLInputElement).value; set(numeric ? (raw === '' ? 0 : Number(raw)) : raw); }}>`;
  }
}

customElements.define('erp-field-domain', DomainField);
