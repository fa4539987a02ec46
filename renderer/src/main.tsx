import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getBridge } from './bridge';
import { createAppStore } from './store';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
getBridge()
  .then(async (bridge) => {
    const store = createAppStore(bridge);
    // The shell opens a view by its hash (#settings from the tray menu; #idle is the prompt window).
    const fromHash = () => {
      const h = location.hash.slice(1);
      if (h === 'settings' || h === 'reports' || h === 'entries' || h === 'calendar') store.getState().setView(h);
    };
    fromHash();
    window.addEventListener('hashchange', fromHash);
    root.render(<App store={store} />);
    await store.getState().init();
  })
  .catch((e: unknown) => root.render(<p role="alert">{e instanceof Error ? e.message : String(e)}</p>));
