import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getBridge } from './bridge';
import { createAppStore } from './store';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
getBridge()
  .then(async (bridge) => {
    const store = createAppStore(bridge);
    root.render(<App store={store} />);
    await store.getState().init();
  })
  .catch((e: unknown) => root.render(<p role="alert">{e instanceof Error ? e.message : String(e)}</p>));
