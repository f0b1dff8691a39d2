import { englishValidation } from '../validation';
import invocations from './en/invocations';
import layout from './en/layout';
import lists from './en/lists';
import errorPanel from './en/error-panel';
import pythonRuntime from './en/python-runtime';
import snippets from './en/snippets';
import triggers from './en/triggers';
import customDomains from './en/custom-domains';
import editor from './en/editor';
import requests from './en/requests';

/** English. Another language is one more file beside this one with the same keys. */
export default {
  translation: {
    app: {
      title: 'Function Compute',
      documentTitle: 'Function Compute console',
      localMode: 'Local engine · {{region}}',
      cloudMode: 'Alibaba Cloud · {{region}}',
      notIsolated: {
        title: 'Functions are not isolated on this machine: install bubblewrap',
        reason: 'reason: {{reason}}',
        risk: 'Until then a function can read and change whatever your user can.',
      },
    },
    language: { label: 'Language', en: 'English', ja: '日本語' },
    nav: {
      main: 'Main navigation',
      functions: 'Functions',
      customDomains: 'Custom Domains',
      breadcrumbs: 'Breadcrumbs',
    },
    common: {
      ok: 'OK',
      cancel: 'Cancel',
      close: 'Close',
      delete: 'Delete',
      modify: 'Modify',
      retry: 'Retry',
      actions: 'Actions',
      loading: 'Loading',
      copied: 'Copied',
      copyFailed: 'Could not copy to the clipboard',
    },
    errors: {
      requestFailed: 'The request failed',
      pageFailed: 'This page could not be shown',
      unknown: 'Something went wrong.',
      network:
        'The console’s server could not be reached. Check that it is still running and that the network is up, then try again.',
      details: 'Code {{code}} · HTTP {{status}} · Request ID {{requestId}}',
      detailsNoRequest: 'Code {{code}} · HTTP {{status}}',
      /** The console API's own codes (contract/console-errors.ts CONSOLE_ERRORS). */
      codes: {
        ForbiddenHost:
          'The console refused a request sent to an address that is not its own. Open the console at the address it printed when it started, or add this name to FC_CONSOLE_ALLOWED_HOSTS and restart it.',
        CrossOriginRequest:
          'The console accepts requests only from its own pages, and this one came from another site. Use the console at its own address.',
        JsonContentTypeRequired:
          'A request that changes something must be sent as JSON (Content-Type: application/json).',
        ConsoleTokenRequired:
          'This console requires its access token. Open the link it printed when it started (it ends in ?token=…).',
        ConsoleTokenInvalid:
          'The access token is not this console’s. Open the link it printed when it started; a generated token changes at every start unless FC_CONSOLE_TOKEN is set.',
        CodeChanged:
          'Someone else deployed this function after you started editing. Your edits are kept: reload to take their code (your edits are discarded), or overwrite to deploy yours over it.',
        TriggerChanged:
          'Someone else saved this trigger after you opened it. What you entered is kept: reload to take their settings (your input is discarded), or overwrite to save yours over them.',
        CustomDomainChanged:
          'Someone else saved this custom domain after you opened it. What you entered is kept: reload to take their settings (your input is discarded), or overwrite to save yours over them.',
        LocalEngineOnly:
          'This view shows the local engine only: the console is connected to Alibaba Cloud, where the requests a trigger gets are in the function’s request logs in Simple Log Service.',
        RequestBodyTooLarge:
          'The request is larger than the console accepts. Code and test requests must fit Function Compute’s own limits: a 100 MB code package, a 32 MB synchronous request body.',
        CodeDownloadTimeout:
          'The function’s code stopped arriving before it was complete. Try again; if it keeps happening, check the network between the console and Function Compute’s storage.',
        DomainRoutesElsewhere:
          'The custom domain this request came through now routes its path to another function, so Replay would run that one. Replay it from that function’s Requests tab, or route the path to this function again.',
        RequestLogsOff:
          'This function writes no request logs to Simple Log Service, where the console reads its requests and figures in Alibaba Cloud. Turn on logging (a Log Service project and logstore) with request-level metrics in the Function Compute console, then send a request.',
      },
    },
    notFound: {
      title: 'Page not found',
      description: 'There is nothing at this address.',
      back: 'Go to Functions',
    },
    runtimes: {
      nodejs20: 'Node.js 20',
      nodejs18: 'Node.js 18',
      python3: 'Python 3',
      python3_9: 'Python 3.9',
      python3_10: 'Python 3.10',
      python3_12: 'Python 3.12',
      custom: 'Custom runtime (Debian 10)',
      custom_debian10: 'Custom runtime (Debian 10)',
      custom_debian11: 'Custom runtime (Debian 11)',
    },
    functions: {
      title: 'Functions',
      loadFailed: 'The functions could not be loaded',
      memoryValue: '{{mb, number}} MB',
      columns: { name: 'Function Name', runtime: 'Runtime', memory: 'Memory', lastModified: 'Last Modified' },
      empty: {
        title: 'No functions yet',
        description: 'Create a function from a template, then add an HTTP trigger to call it.',
      },
      fields: { name: 'Function Name' },
      create: {
        action: 'Create Function',
        title: 'Create Function',
        failed: 'The function could not be created',
        nameHelp: 'Letters, digits, underscores and hyphens; 1 to 128 characters.',
        template: 'Template',
      },
      templates: {
        'nodejs-event-http': {
          title: 'Event function (Node.js)',
          description: 'A Node.js 20 handler that answers HTTP requests from an HTTP trigger.',
        },
        'python-event-http': {
          title: 'Python event function',
          description:
            'A Python 3.10 handler, def handler(event, context), that answers HTTP requests from an HTTP trigger.',
        },
        'nodejs-web': {
          title: 'Web function (Node.js)',
          description: 'A Node.js web server listening on a port; requests are passed to it unchanged.',
        },
        'custom-runtime': {
          title: 'Custom runtime (Python)',
          description: 'A Python web server started by a command in a custom runtime.',
        },
        'python-flask': {
          title: 'Python web function (Flask)',
          description: 'A Flask app on custom.debian12 with the routes / and /test, started by python3 app.py.',
          flaskMissing:
            'Flask is not installed for python3 on this machine, so this function will not start here. Install it with apt-get install python3-flask (Debian or Ubuntu).',
        },
      },
      delete: {
        action: 'Delete function {{name}}',
        title: 'Delete function',
        message: 'Delete the function “{{name}}”? Its triggers, versions and aliases are deleted with it.',
      },
      details: {
        loadFailed: 'The function could not be loaded',
        tabs: 'Function details',
        tab: {
          code: 'Code',
          triggers: 'Triggers',
          configuration: 'Configuration',
          versions: 'Versions and Aliases',
          asyncTasks: 'Async Tasks',
          requests: 'Requests',
          monitoring: 'Monitoring',
        },
      },
      config: {
        runtime: 'Runtime',
        handler: 'Handler',
        command: 'Start command',
        memory: 'Memory',
        timeout: 'Timeout',
        seconds_one: '{{count, number}} second',
        seconds_other: '{{count, number}} seconds',
        concurrency: 'Instance concurrency',
        env: 'Environment variables',
        noEnv: 'None',
        codeSize: 'Code size',
        bytes_one: '{{count, number}} byte',
        bytes_other: '{{count, number}} bytes',
        lastModified: 'Last modified',
      },
      settings: {
        action: 'Modify Configuration',
        title: 'Modify Configuration',
        failed: 'The configuration could not be saved',
        memorySize: 'Memory',
        memorySizeHelp: 'A multiple of 64 MB from 128 to 32768.',
        timeout: 'Timeout',
        timeoutHelp: 'How long an invocation may run, from 1 to 86400 seconds.',
        secondsUnit: 'seconds',
        instanceConcurrency: 'Instance concurrency',
        instanceConcurrencyHelp: 'Requests one instance serves at once, from 1 to 200.',
        envKey: 'Name',
        envValue: 'Value',
        envAdd: 'Add Variable',
        envRemove: 'Remove variable {{name}}',
      },
    },
    code: {
      loadFailed: 'The code could not be loaded',
      empty: 'The function has no code files.',
      files: 'Files',
      binary: 'Binary file ({{size, number}} bytes), not shown.',
    },
    triggers,
    customDomains,
    versions: {
      title: 'Versions',
      loadFailed: 'The versions could not be loaded',
      columns: { version: 'Version', description: 'Description', created: 'Created' },
      empty: { title: 'No versions yet', description: 'Publish a version to freeze the current code and settings.' },
      fields: { description: 'Description' },
      publish: {
        action: 'Publish Version',
        title: 'Publish Version',
        failed: 'The version could not be published',
        help: 'Optional; at most 256 characters.',
      },
      delete: { action: 'Delete version {{id}}', title: 'Delete version', message: 'Delete version {{id}}?' },
    },
    aliases: {
      title: 'Aliases',
      loadFailed: 'The aliases could not be loaded',
      columns: {
        name: 'Alias Name',
        version: 'Version',
        canary: 'Canary Version',
        description: 'Description',
        lastModified: 'Last Modified',
      },
      empty: { title: 'No aliases yet', description: 'An alias points at a published version, such as prod → 3.' },
      fields: {
        name: 'Alias Name',
        version: 'Version',
        canary: 'Canary version',
        noCanary: 'None',
        canaryHelp: 'Optional: send a share of the traffic to a second version.',
        canaryWeight: 'Canary weight',
        canaryWeightHelp: 'The share of requests the canary version serves; the main version serves the rest.',
        description: 'Description',
      },
      create: {
        action: 'Create Alias',
        title: 'Create Alias',
        failed: 'The alias could not be created',
        needsVersion: 'Publish a version first: an alias points at a version.',
      },
      modify: { action: 'Modify alias {{name}}', title: 'Modify Alias', failed: 'The alias could not be modified' },
      delete: { action: 'Delete alias {{name}}', title: 'Delete alias', message: 'Delete the alias “{{name}}”?' },
    },
    editor,
    errorPanel,
    requests,
    snippets,
    pythonRuntime,
    invocations,
    layout,
    lists,
    validation: englishValidation,
  },
};
