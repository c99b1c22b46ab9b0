import { useState } from 'preact/hooks';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { CustomerDetail } from './customer-detail';
import style from './style.module.css';

/**
 * Customers' data requests (access/export, erasure, consent changes), by customer id.
 * There is deliberately no search by name or card number: staff take the id from the request.
 */
export default function CustomersPage() {
  const [input, setInput] = useState('');
  const [customerId, setCustomerId] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title="Data requests"
        description="Handle a customer's request to see their data, change consents, or be forgotten. Erasure removes identity and keeps an anonymous ledger for accounting."
      />
      <Panel>
        <form
          class={style.form}
          noValidate
          data-testid="customer-lookup-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (input.trim()) setCustomerId(input.trim());
          }}
        >
          <label class="field">
            <span>Customer id</span>
            <input class="input" value={input} onInput={(e) => setInput(e.currentTarget.value)} data-testid="customer-id" autoComplete="off" maxLength={64} />
          </label>
          <button type="submit" class="btn btn-primary" disabled={!input.trim()} data-testid="customer-open">
            Open
          </button>
        </form>
      </Panel>
      {customerId && <CustomerDetail key={customerId} customerId={customerId} />}
    </>
  );
}
