import { Route, Switch } from 'wouter';
import { CustomDomainPage } from './custom-domain-page';
import { CustomDomainsPage } from './custom-domains-page';

/** /custom-domains (the list) and /custom-domains/:domainName (one domain, its routes and its test request). */
export default function CustomDomainsRoutes() {
  return (
    <Switch>
      <Route path="/">
        <CustomDomainsPage />
      </Route>
      <Route path="/:domainName">{(params) => <CustomDomainPage domainName={params.domainName} />}</Route>
    </Switch>
  );
}
