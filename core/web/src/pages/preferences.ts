// The user's preferences (language, time zone), opened from their name in the top bar. Saving
// reloads the client in the new language (layout direction, dates and numbers included).

import { LitElement, css, html } from 'lit';
import { callKw } from '../rpc.ts';
import { addTranslations, currentLanguage, t } from '../i18n.ts';

addTranslations('fa', { 'Preferences': 'ترجیحات', 'Language': 'زبان', 'Timezone': 'منطقه زمانی', 'Save': 'ذخیره', 'Cancel': 'انصراف' });

interface Lang { code: string; name: string }

export class PreferencesDialog extends LitElement {
  static override properties = { langs: { state: true }, tz: { attribute: false } };
  declare private langs: Lang[];
  declare tz: string;

  static override styles = css`
    dialog { border: 0; border-radius: 8px; box-shadow: 0 4px 24px #0004; min-width: min(360px, 92vw); font: 14px system-ui, sans-serif; }
    form { display: grid; gap: 12px; }
    label { display: grid; gap: 4px; }
    select, input { padding: 6px 8px; font: inherit; }
    .actions { display: flex; gap: 8px; justify-content: flex-end; }
    button { border: 1px solid #d1d5db; background: white; border-radius: 4px; padding: 6px 12px; cursor: pointer; font: inherit; }
    button.primary { background: #71639e; color: white; border-color: #71639e; }
  `;

  constructor() {
    super();
    this.langs = [];
    this.tz = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void callKw<Lang[]>('res.lang', 'search_read', [[['active', '=', true]]], { fields: ['code', 'name'] }).then((langs) => { this.langs = langs; });
  }

  override render() {
    return html`<dialog open aria-labelledby="prefs-title"><form @submit=${this.save}>
      <h2 id="prefs-title">${t('Preferences')}</h2>
      <label>${t('Language')}<select name="lang">${this.langs.map((l) => html`<option value=${l.code} ?selected=${l.code === currentLanguage()}>${l.name}</option>`)}</select></label>
      <label>${t('Timezone')}<input name="tz" .value=${this.tz} placeholder="Asia/Tehran"></label>
      <div class="actions"><button type="button" @click=${this.close}>${t('Cancel')}</button><button class="primary">${t('Save')}</button></div>
    </form></dialog>`;
  }

  private close = (): void => {
    this.dispatchEvent(new CustomEvent('close', { bubbles: true, composed: true }));
  };

  private save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    await callKw('res.users', 'update_preferences', [{ lang: form.get('lang'), tz: form.get('tz') || false }]);
    window.location.reload();
  };
}

customElements.define('erp-preferences', PreferencesDialog);
