import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { KudosWallPage } from './kudos-wall/kudos-wall.page';

/** The wall has no sign-in: a TV opens it with the wall token in its address (see wall-kudos.ts). */
export function startWall(root: Root): void {
  root.render(
    <StrictMode>
      <KudosWallPage />
    </StrictMode>,
  );
}
