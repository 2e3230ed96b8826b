import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setClient } from './api/client.ts';
import { connect } from './api/connect.ts';
import { App } from './App.tsx';
import { TokenNeeded } from './components/common/TokenNeeded.tsx';
import './styles/app.css';

const api = connect();
if (api) setClient(api);

createRoot(document.getElementById('root')!).render(<StrictMode>{api ? <App /> : <TokenNeeded />}</StrictMode>);
