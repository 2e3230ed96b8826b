import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/connect.ts';
import { App } from './App.tsx';
import { TokenNeeded } from './components/common/TokenNeeded.tsx';
import { startSession } from './stores/session-store.ts';
import './styles/app.css';

const api = connect();
if (api) startSession(api);

createRoot(document.getElementById('root')!).render(<StrictMode>{api ? <App /> : <TokenNeeded />}</StrictMode>);
