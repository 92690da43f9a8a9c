/** The people capability (issue 15): staff directory and on-duty view, communication log and triage. */
import type { ApiDeps } from '../../deps';
import type { RouteRegistry } from '../../routing';
import { registerCommunicationRoutes } from './communications.routes';
import { registerDirectoryRoutes } from './directory.routes';
import { registerAgreementRoutes } from './agreements.routes';

export function registerPeopleRoutes(r: RouteRegistry, deps: ApiDeps): void {
  registerDirectoryRoutes(r, deps);
  registerCommunicationRoutes(r, deps);
  registerAgreementRoutes(r, deps);
}
