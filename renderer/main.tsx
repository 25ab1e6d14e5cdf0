import { createRoot } from 'react-dom/client';
import { createClient } from '../shared/contract/client';
import { App } from './app/App';
import { setClient } from './ui/client';
import { pickBridge } from './transport/pickBridge';
import './app/theme.css';
import './app/layout.css';

const root = document.getElementById('root');

async function start(): Promise<void> {
  if (!root) throw new Error('No #root element.');
  const { bridge } = await pickBridge();
  setClient(createClient(bridge));
  root.dataset.appState = 'connected';
  createRoot(root).render(<App />);
}

start().catch((error: unknown) => {
  if (!root) return;
  root.dataset.appState = 'error';
  root.innerHTML = '';
  const message = document.createElement('div');
  message.className = 'fatal';
  message.setAttribute('role', 'alert');
  const title = document.createElement('h1');
  title.textContent = 'Redivis Desktop could not start';
  const body = document.createElement('p');
  body.textContent = error instanceof Error ? error.message : 'Unknown error.';
  message.append(title, body);
  root.append(message);
});
