import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { loadRoleStrings } from '../i18n/i18n';
import { KudosWallPage } from './kudos-wall/kudos-wall.page';

/** The wall has no sign-in: a TV opens it with the wall token in its address (see wall-kudos.ts). */
export async function startWall(root: Root): Promise<void> {
  await loadRoleStrings('wall');
  root.render(
    <StrictMode>
      <KudosWallPage />
    </StrictMode>,
  );
}
