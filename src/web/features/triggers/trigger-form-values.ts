import { LATEST } from '../../../contract/names';
import type { AuthType, HttpMethod, Trigger } from '../../../contract/trigger';

/**
 * What the Create/Edit Trigger panel edits. It keeps every authentication method's fields at once,
 * so switching the method back and forth loses nothing; `toSchemaInput` sends only the chosen one.
 */
export type TriggerFormValues = {
  triggerName: string;
  triggerType: 'http';
  qualifier: string;
  description: string;
  corsMode: 'default' | 'api';
  jwtPathMode: 'whitelist' | 'blacklist';
  triggerConfig: {
    methods: HttpMethod[];
    disableURLInternet: boolean;
    authType: AuthType;
    authConfig: {
      jwks: string;
      tokenLookup: string;
      claimPassBy: string;
      whitelist: string[];
      blacklist: string[];
      /** `storedUsername`: the stored user a row was loaded as (its blank password keeps that one's). */
      users: Array<{ username: string; password: string; stored: boolean; storedUsername?: string }>;
      tokens: Array<{ name: string; token: string; stored: boolean; storedName?: string }>;
    };
    corsConfig: {
      allowOrigins: string[];
      allowMethods: string[];
      allowHeaders: string[];
      exposeHeaders: string[];
      allowCredentials: boolean;
      maxAge: string;
    };
  };
};

/** The seed's example: GET, POST, PUT, DELETE. */
export const DEFAULT_METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];
export const DEFAULT_TOKEN_LOOKUP = 'header:Authorization:Bearer ';

export function emptyTriggerForm(qualifier: string = LATEST): TriggerFormValues {
  return {
    triggerName: '',
    triggerType: 'http',
    qualifier,
    description: '',
    corsMode: 'default',
    jwtPathMode: 'whitelist',
    triggerConfig: {
      methods: [...DEFAULT_METHODS],
      disableURLInternet: false,
      authType: 'anonymous',
      authConfig: {
        jwks: '',
        tokenLookup: DEFAULT_TOKEN_LOOKUP,
        claimPassBy: '',
        whitelist: [],
        blacklist: [],
        users: [{ username: '', password: '', stored: false }],
        tokens: [{ name: '', token: '', stored: false }],
      },
      corsConfig: {
        allowOrigins: [],
        allowMethods: [],
        allowHeaders: [],
        exposeHeaders: [],
        allowCredentials: false,
        maxAge: '',
      },
    },
  };
}

/** Edit Trigger starts from the stored trigger; its passwords and tokens arrive blank. */
export function formFromTrigger(trigger: Trigger): TriggerFormValues {
  const form = emptyTriggerForm();
  const config = trigger.triggerConfig;
  const auth = form.triggerConfig.authConfig;
  if (config.authType === 'jwt') {
    const jwt = config.authConfig;
    auth.jwks = JSON.stringify(jwt.jwks, null, 2);
    auth.tokenLookup = jwt.tokenLookup;
    auth.claimPassBy = jwt.claimPassBy ?? '';
    auth.whitelist = jwt.whitelist ?? [];
    auth.blacklist = jwt.blacklist ?? [];
    if (auth.blacklist.length > 0 && auth.whitelist.length === 0) form.jwtPathMode = 'blacklist';
  }
  if (config.authType === 'basic')
    auth.users = config.authConfig.users.map((u) => ({ ...u, stored: true, storedUsername: u.username }));
  if (config.authType === 'bearer')
    auth.tokens = config.authConfig.tokens.map((t) => ({ ...t, stored: true, storedName: t.name }));
  const cors = config.corsConfig;
  if (cors) {
    form.corsMode = 'api';
    form.triggerConfig.corsConfig = {
      allowOrigins: cors.allowOrigins,
      allowMethods: cors.allowMethods ?? [],
      allowHeaders: cors.allowHeaders ?? [],
      exposeHeaders: cors.exposeHeaders ?? [],
      allowCredentials: cors.allowCredentials ?? false,
      maxAge: cors.maxAge === undefined ? '' : String(cors.maxAge),
    };
  }
  return {
    ...form,
    triggerName: trigger.triggerName,
    qualifier: trigger.qualifier,
    description: trigger.description ?? '',
    triggerConfig: {
      ...form.triggerConfig,
      methods: config.methods,
      disableURLInternet: config.disableURLInternet ?? false,
      authType: config.authType,
    },
  };
}

const nonEmpty = <T>(list: T[]) => (list.length > 0 ? list : undefined);

function authConfigInput(values: TriggerFormValues): unknown {
  const a = values.triggerConfig.authConfig;
  switch (values.triggerConfig.authType) {
    case 'jwt':
      return {
        jwks: a.jwks,
        tokenLookup: a.tokenLookup,
        claimPassBy: a.claimPassBy.trim() === '' ? undefined : a.claimPassBy,
        whitelist: values.jwtPathMode === 'whitelist' ? nonEmpty(a.whitelist) : undefined,
        blacklist: values.jwtPathMode === 'blacklist' ? nonEmpty(a.blacklist) : undefined,
      };
    case 'basic':
      return {
        users: a.users.map(({ username, password, storedUsername }) => ({
          username,
          password,
          ...(storedUsername ? { storedUsername } : {}),
        })),
      };
    case 'bearer':
      return {
        tokens: a.tokens.map(({ name, token, storedName }) => ({ name, token, ...(storedName ? { storedName } : {}) })),
      };
    default:
      return undefined;
  }
}

/** The panel's values in the contract's shape (triggerCreateSchema / triggerUpdateSchema input). */
export function toSchemaInput(values: TriggerFormValues) {
  const c = values.triggerConfig.corsConfig;
  const maxAge = c.maxAge.trim();
  return {
    triggerName: values.triggerName,
    triggerType: values.triggerType,
    qualifier: values.qualifier,
    description: values.description.trim() === '' ? undefined : values.description,
    triggerConfig: {
      methods: values.triggerConfig.methods,
      disableURLInternet: values.triggerConfig.disableURLInternet,
      authType: values.triggerConfig.authType,
      authConfig: authConfigInput(values),
      corsConfig:
        values.corsMode === 'api'
          ? {
              allowOrigins: c.allowOrigins,
              allowMethods: nonEmpty(c.allowMethods),
              allowHeaders: nonEmpty(c.allowHeaders),
              exposeHeaders: nonEmpty(c.exposeHeaders),
              allowCredentials: c.allowCredentials,
              maxAge: maxAge === '' ? undefined : Number(maxAge),
            }
          : undefined,
    },
  };
}
